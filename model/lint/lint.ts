/**
 * Lints parsed definitions and sorts the findings into errors and warnings.
 */
import { Linter, type LintConfig } from 'bpmnlint';
import type { BpmnElement } from '../moddle';
import { problem, type ModelProblem } from '../problem';
import { lintConfig } from './config';
import { executableOnly } from './executable-only';
import { staticResolver } from './resolver';

export interface LintResult {
  errors: ModelProblem[];
  warnings: ModelProblem[];
}

export async function lintDefinitions(
  definitions: BpmnElement,
  config: LintConfig = lintConfig,
): Promise<LintResult> {
  // A Linter caches rule instances, and some rules keep state between runs (false
  // duplicate-flow reports were seen): one fresh Linter per lint.
  const linter = new Linter({ config, resolver: staticResolver, transformRule: executableOnly });
  connectFlowNodes(definitions);
  const results = await linter.lint(definitions);
  const result: LintResult = { errors: [], warnings: [] };
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      const found = problem(report.id, rule, report.message);
      // A crashed rule ('rule-error') proves nothing about the diagram: treat it as an error.
      if (report.category === 'warn' || report.category === 'info') result.warnings.push(found);
      else result.errors.push(found);
    }
  }
  return result;
}

/**
 * bpmnlint reads a flow node's connections from its <incoming>/<outgoing> children, which
 * are optional in BPMN and which generators leave out; Zeebe (and our compiler) go by the
 * sequence flows' sourceRef/targetRef. Fill the lists in from the flows, so a valid model
 * without those children is not reported as disconnected.
 */
function connectFlowNodes(element: BpmnElement): void {
  for (const child of (element as { flowElements?: BpmnElement[] }).flowElements ?? []) {
    if (child.$instanceOf?.('bpmn:SequenceFlow')) {
      const flow = child as BpmnElement & { sourceRef?: FlowNode; targetRef?: FlowNode };
      addOnce(flow.sourceRef, 'outgoing', flow);
      addOnce(flow.targetRef, 'incoming', flow);
    }
    connectFlowNodes(child);
  }
  for (const root of (element as { rootElements?: BpmnElement[] }).rootElements ?? []) connectFlowNodes(root);
}

type FlowNode = BpmnElement & { incoming?: BpmnElement[]; outgoing?: BpmnElement[] };

function addOnce(node: FlowNode | undefined, side: 'incoming' | 'outgoing', flow: BpmnElement): void {
  if (!node) return;
  const list = (node[side] ??= []);
  if (!list.includes(flow)) list.push(flow);
}
