/**
 * Places a scope's shapes on a grid: a column per step of the longest path from the start
 * (loops ignored), a band per lane, rows inside a band. A node stays in the row of the node
 * it follows on its first outgoing flow, so the happy path is one straight line left to right.
 */
import type { LayoutNode, ScopeGraph } from './graph';

export const COLUMN = 180;
export const ROW = 120;
export const LANE_PAD = 24;
export const CHANNEL = 36;
export const POOL_HEADER = 30;
export const LANE_HEADER = 30;
export const ORIGIN = { x: 100, y: 60 };

export const SIZE: Record<LayoutNode['kind'], { w: number; h: number }> = {
  task: { w: 140, h: 80 },
  event: { w: 36, h: 36 },
  gateway: { w: 50, h: 50 },
  data: { w: 36, h: 50 },
};

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Placement {
  boxes: Map<string, Box>;
  layer: Map<string, number>;
  lanes: { id: string; name: string; y: number; h: number }[];
  /** The pool's box (lanes share its x range); undefined without lanes. */
  pool?: Box;
  /** Left edge of column 0. */
  x0: number;
  /** Horizontal channels (between rows and at lane bottoms) edges may run along. */
  channels: number[];
  backEdges: Set<string>;
}

export function place(graph: ScopeGraph, hasPool: boolean): Placement {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const flows = graph.edges.filter((e) => !e.association);
  const flowById = new Map(flows.map((e) => [e.id, e]));
  const boundaries = new Map<string, LayoutNode[]>();
  for (const n of graph.nodes) if (n.host) boundaries.set(n.host, [...(boundaries.get(n.host) ?? []), n]);

  // Successors in happy-path order; a boundary event hangs off its host (same column).
  const successors = (id: string): { to: string; flow?: string; weight: number }[] => {
    const node = byId.get(id)!;
    const out: { to: string; flow?: string; weight: number }[] = node.outgoing
      .map((f) => flowById.get(f))
      .filter((f) => !!f)
      .map((f) => ({ to: f.target, flow: f.id, weight: 1 }));
    for (const b of boundaries.get(id) ?? []) out.push({ to: b.id, weight: 0 });
    return out;
  };

  // DFS from the start nodes: flows into a node on the stack are loops.
  const incoming = new Set(flows.map((f) => f.target));
  const starts = graph.nodes.filter((n) => n.kind !== 'data' && !n.host && !incoming.has(n.id));
  const state = new Map<string, 'open' | 'done'>();
  const backEdges = new Set<string>();
  const order: string[] = [];
  const parent = new Map<string, string>();
  const visit = (id: string) => {
    state.set(id, 'open');
    order.push(id);
    for (const s of successors(id)) {
      const seen = state.get(s.to);
      if (seen === 'open') {
        if (s.flow) backEdges.add(s.flow);
      } else if (!seen) {
        parent.set(s.to, id);
        visit(s.to);
      }
    }
    state.set(id, 'done');
  };
  for (const s of starts) if (!state.has(s.id)) visit(s.id);
  for (const n of graph.nodes) if (n.kind !== 'data' && !state.has(n.id)) visit(n.id);

  // Longest path over the flows that are not loops.
  const layer = new Map<string, number>();
  const indegree = new Map<string, number>();
  const forward = new Map<string, { to: string; weight: number }[]>();
  for (const id of order) {
    const out = successors(id).filter((s) => !s.flow || !backEdges.has(s.flow));
    forward.set(id, out);
    for (const s of out) indegree.set(s.to, (indegree.get(s.to) ?? 0) + 1);
  }
  const queue = order.filter((id) => !indegree.get(id));
  for (const id of queue) layer.set(id, 0);
  while (queue.length) {
    const id = queue.shift()!;
    for (const s of forward.get(id) ?? []) {
      layer.set(s.to, Math.max(layer.get(s.to) ?? 0, layer.get(id)! + s.weight));
      indegree.set(s.to, indegree.get(s.to)! - 1);
      if (indegree.get(s.to) === 0) queue.push(s.to);
    }
  }
  const dataNodes = graph.nodes.filter((n) => n.kind === 'data');
  for (const d of dataNodes) {
    const partner = graph.edges.find((e) => e.association && (e.source === d.id || e.target === d.id));
    const other = partner && (partner.source === d.id ? partner.target : partner.source);
    layer.set(d.id, (other ? layer.get(other) : undefined) ?? 0);
    if (other) parent.set(d.id, other);
  }

  // Rows: per lane and column, the parent's row when free.
  const laneIds = graph.lanes.length ? graph.lanes.map((l) => l.id) : [''];
  const laneOf = (n: LayoutNode) => (graph.lanes.length ? (n.lane ?? laneIds[0]) : '');
  const taken = new Map<string, Set<number>>();
  const row = new Map<string, number>();
  const placeOrder = [...order, ...dataNodes.map((d) => d.id)];
  for (const id of placeOrder) {
    const node = byId.get(id)!;
    if (node.host) continue;
    const p = parent.get(id);
    const pNode = p ? byId.get(p) : undefined;
    let preferred = 0;
    if (pNode && laneOf(pNode) === laneOf(node)) {
      const pRow = row.get(pNode.host ?? pNode.id) ?? 0;
      preferred = pNode.host || node.kind === 'data' ? pRow + 1 : pRow;
    }
    const cell = `${laneOf(node)}|${layer.get(id)}`;
    const used = taken.get(cell) ?? new Set<number>();
    let r = preferred;
    while (used.has(r)) r++;
    used.add(r);
    taken.set(cell, used);
    row.set(id, r);
  }

  const rowsIn = (lane: string) =>
    Math.max(
      1,
      ...graph.nodes.filter((n) => !n.host && laneOf(n) === lane).map((n) => (row.get(n.id) ?? 0) + 1),
    );
  const x0 = ORIGIN.x + (hasPool ? POOL_HEADER + LANE_HEADER : 0) + 20;
  const lanes: Placement['lanes'] = [];
  const channels: number[] = [];
  let y = ORIGIN.y;
  for (const id of laneIds) {
    const h = LANE_PAD + rowsIn(id) * ROW + CHANNEL;
    lanes.push({ id, name: graph.lanes.find((l) => l.id === id)?.name ?? '', y, h });
    for (let r = 1; r < rowsIn(id); r++) channels.push(y + LANE_PAD + r * ROW);
    channels.push(y + h - CHANNEL / 2 - 4);
    y += h;
  }
  const boxes = new Map<string, Box>();
  for (const n of graph.nodes) {
    if (n.host) continue;
    const lane = lanes[laneIds.indexOf(laneOf(n))];
    const size = SIZE[n.kind];
    const cx = x0 + layer.get(n.id)! * COLUMN + COLUMN / 2;
    const cy = lane.y + LANE_PAD + row.get(n.id)! * ROW + SIZE.task.h / 2;
    boxes.set(n.id, { x: cx - size.w / 2, y: cy - size.h / 2, w: size.w, h: size.h });
  }
  for (const [host, events] of boundaries) {
    const h = boxes.get(host)!;
    events.forEach((e, i) => {
      layer.set(e.id, layer.get(host)!);
      boxes.set(e.id, { x: h.x + h.w - 28 - i * 44, y: h.y + h.h - 18, w: 36, h: 36 });
    });
  }
  const columns = Math.max(1, ...[...layer.values()].map((l) => l + 1));
  const pool = hasPool
    ? { x: ORIGIN.x, y: ORIGIN.y, w: x0 - ORIGIN.x + columns * COLUMN + 20, h: y - ORIGIN.y }
    : undefined;
  return { boxes, layer, lanes, pool, x0, channels, backEdges };
}
