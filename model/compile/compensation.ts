/**
 * Compensation wiring: a compensation boundary event names no handler itself; an association
 * from the boundary event to an `isForCompensation` activity does. The associations live among
 * the artifacts of the process or of a subprocess, so the whole tree is searched.
 */
import { is, type BpmnElement } from '../moddle';
import type { ProcessGraph } from '../process-graph';
import type { CompileContext } from './context';

function associationTargets(scope: BpmnElement, into: Map<string, string[]>): Map<string, string[]> {
  for (const artifact of scope.artifacts ?? []) {
    if (!is(artifact, 'bpmn:Association')) continue;
    const source = artifact.sourceRef?.id;
    const target = artifact.targetRef?.id;
    if (source && target) into.set(source, [...(into.get(source) ?? []), target]);
  }
  for (const element of scope.flowElements ?? [])
    if (is(element, 'bpmn:SubProcess')) associationTargets(element, into);
  return into;
}

export function linkCompensationHandlers(
  process: BpmnElement,
  graph: ProcessGraph,
  context: CompileContext,
): void {
  const targets = associationTargets(process, new Map());
  for (const node of Object.values(graph.nodes)) {
    if (node.kind !== 'boundaryEvent' || node.event.type !== 'compensation') continue;
    const handler = (targets.get(node.id) ?? []).find((id) => graph.nodes[id]?.isForCompensation);
    if (!handler) {
      context.report(
        node.id,
        'A compensation boundary event needs an association to an isForCompensation activity.',
      );
      continue;
    }
    node.compensationHandler = handler;
  }
}
