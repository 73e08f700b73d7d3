/**
 * The part of a parsed BPMN scope (a process or an embedded subprocess) that the layout
 * needs: its shapes, sequence flows, data associations, boundary attachments and lanes.
 */
import type { BpmnElement } from '../../model/moddle';

export type ShapeKind = 'task' | 'event' | 'gateway' | 'data';

export interface LayoutNode {
  id: string;
  kind: ShapeKind;
  /** Collapsed subprocess drawn on its own plane. */
  subProcess?: BpmnElement;
  lane?: string;
  /** Outgoing sequence flows in the order the XML lists them: the first one is the happy path. */
  outgoing: string[];
  /** Boundary event: the activity it sits on. */
  host?: string;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  association?: boolean;
}

export interface ScopeGraph {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Lanes top to bottom (empty: no pool). */
  lanes: { id: string; name: string }[];
}

type Element = BpmnElement & {
  laneSets?: { lanes?: (BpmnElement & { flowNodeRef?: BpmnElement[] })[] }[];
  dataOutputAssociations?: (BpmnElement & { targetRef?: BpmnElement })[];
  dataInputAssociations?: (BpmnElement & { sourceRef?: BpmnElement[] })[];
};

function kindOf(element: BpmnElement): ShapeKind | undefined {
  if (element.$instanceOf('bpmn:Activity')) return 'task';
  if (element.$instanceOf('bpmn:Event')) return 'event';
  if (element.$instanceOf('bpmn:Gateway')) return 'gateway';
  if (element.$instanceOf('bpmn:DataObjectReference') || element.$instanceOf('bpmn:DataStoreReference'))
    return 'data';
  return undefined;
}

export function scopeGraph(scope: Element): ScopeGraph {
  const laneOf = new Map<string, string>();
  const lanes = (scope.laneSets?.[0]?.lanes ?? []).map((lane) => {
    for (const ref of lane.flowNodeRef ?? []) laneOf.set(ref.id!, lane.id!);
    return { id: lane.id!, name: lane.name ?? '' };
  });
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  for (const element of (scope.flowElements ?? []) as Element[]) {
    if (element.$instanceOf('bpmn:SequenceFlow')) {
      edges.push({ id: element.id!, source: element.sourceRef!.id!, target: element.targetRef!.id! });
      continue;
    }
    const kind = kindOf(element);
    if (!kind) continue;
    nodes.push({
      id: element.id!,
      kind,
      lane: laneOf.get(element.id!),
      outgoing: (element.outgoing ?? []).map((flow) => flow.id!),
      ...(element.$instanceOf('bpmn:SubProcess') ? { subProcess: element } : {}),
      ...(element.attachedToRef ? { host: element.attachedToRef.id } : {}),
    });
    for (const association of element.dataOutputAssociations ?? [])
      edges.push({
        id: association.id!,
        source: element.id!,
        target: association.targetRef!.id!,
        association: true,
      });
    for (const association of element.dataInputAssociations ?? [])
      for (const source of association.sourceRef ?? [])
        edges.push({ id: association.id!, source: source.id!, target: element.id!, association: true });
  }
  // Data objects without a lane sit with the task that writes (or reads) them.
  for (const node of nodes) {
    if (node.lane || node.kind !== 'data') continue;
    const partner = edges.find((e) => e.association && (e.target === node.id || e.source === node.id));
    const other = partner && (partner.target === node.id ? partner.source : partner.target);
    node.lane = nodes.find((n) => n.id === other)?.lane;
  }
  for (const node of nodes) if (node.host) node.lane = nodes.find((n) => n.id === node.host)?.lane;
  return { nodes, edges, lanes };
}
