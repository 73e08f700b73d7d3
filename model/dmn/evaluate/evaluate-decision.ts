/**
 * Evaluates one decision of a deployed DRG: its required decisions first (each result is a
 * variable named by the decision's id, as in Camunda), then the decision itself.
 */
import type { DecisionGraph } from '../decision-graph';
import { evaluationOrder } from '../requirements';
import { evaluateTable, type MatchedRule } from './decision-table';
import { DecisionEvaluationError } from './evaluation-error';
import { feelValue, toJson, type FeelContext } from './feel';

export { DecisionEvaluationError } from './evaluation-error';
export type { MatchedRule } from './decision-table';

export interface EvaluatedDecision {
  decisionId: string;
  decisionName?: string;
  decisionType: 'decisionTable' | 'literalExpression';
  result: unknown;
  matchedRules: MatchedRule[];
}

export interface DecisionResult {
  decisionId: string;
  result: unknown;
  /** Every decision evaluated, required ones first; the last is `decisionId`. */
  evaluatedDecisions: EvaluatedDecision[];
}

export function evaluateDecision(
  graph: DecisionGraph,
  decisionId: string,
  variables: FeelContext,
): DecisionResult {
  if (!graph.decisions[decisionId])
    throw new DecisionEvaluationError(
      `no decision "${decisionId}" in decision requirements ${graph.definitionsId}`,
    );
  const context: FeelContext = { ...variables };
  const evaluatedDecisions: EvaluatedDecision[] = [];
  for (const id of evaluationOrder(graph.decisions, decisionId)) {
    const decision = graph.decisions[id];
    const base = { decisionId: id, ...(decision.name ? { decisionName: decision.name } : {}) };
    try {
      if (decision.logic.kind === 'literalExpression') {
        const result = toJson(feelValue(decision.logic.expression, context, 'literal expression'));
        evaluatedDecisions.push({ ...base, decisionType: 'literalExpression', result, matchedRules: [] });
        context[id] = result;
      } else {
        const { result, matchedRules } = evaluateTable(decision.logic, context);
        evaluatedDecisions.push({ ...base, decisionType: 'decisionTable', result, matchedRules });
        context[id] = result;
      }
    } catch (error) {
      if (error instanceof DecisionEvaluationError)
        throw new DecisionEvaluationError(`decision ${id}: ${error.message}`);
      throw error;
    }
  }
  return { decisionId, result: context[decisionId], evaluatedDecisions };
}
