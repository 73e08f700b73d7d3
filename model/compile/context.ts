/** What a per-element handler may use while compiling one process. */
import type { GraphNode, NodeKind } from '../process-graph';
import type { BpmnElement } from '../moddle';

export interface CompileContext {
  readonly processId: string;
  /** Records a compile error; the diagram is then rejected. */
  report(elementId: string | undefined, message: string): void;
}

/** The element-specific part of a node: everything but what the tree walk fills in. */
export type NodeBody = GraphNode extends infer N
  ? N extends GraphNode
    ? Omit<
        N,
        | 'id'
        | 'name'
        | 'parent'
        | 'incoming'
        | 'outgoing'
        | 'inputs'
        | 'outputs'
        | 'boundaryEvents'
        | 'multiInstance'
      >
    : never
  : never;

export type NodeHandler = (element: BpmnElement, context: CompileContext) => NodeBody;

export type HandlerMap = Record<string, NodeHandler>;

export function kindOf(element: BpmnElement): NodeKind {
  const local = element.$type.replace(/^bpmn:/, '');
  return (local.charAt(0).toLowerCase() + local.slice(1)) as NodeKind;
}
