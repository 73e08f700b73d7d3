/**
 * One finding about a diagram, as the API returns it (`400 { errors: [...] }`) and the
 * modeler shows it next to the element.
 */
export interface ModelProblem {
  /** Id of the offending BPMN element; null when the problem concerns the whole document. */
  elementId: string | null;
  /** Stable rule name (a bpmnlint rule, an engine rule, or a parse check such as `xml-doctype`). */
  rule: string;
  message: string;
}

export function problem(elementId: string | null | undefined, rule: string, message: string): ModelProblem {
  return { elementId: elementId ?? null, rule, message };
}
