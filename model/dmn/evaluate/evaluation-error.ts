/** A decision could not be evaluated (FEEL failure, hit policy violated): an incident on the business rule task. */
export class DecisionEvaluationError extends Error {
  override readonly name = 'DecisionEvaluationError';
}
