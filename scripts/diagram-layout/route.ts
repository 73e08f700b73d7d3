/**
 * Orthogonal waypoints for sequence flows: of a few candidate routes (straight, a bend in
 * the gap after the source or before the target, out of a gateway's top or bottom, along a
 * free channel between rows) the first that crosses no shape wins. Loops run back below.
 */
import type { LayoutEdge, LayoutNode } from './graph';
import { COLUMN, type Box, type Placement } from './place';

export type Point = [number, number];

const cx = (b: Box) => b.x + b.w / 2;
const cy = (b: Box) => b.y + b.h / 2;

function crosses(points: Point[], box: Box): boolean {
  const m = 3;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1];
    const [x2, y2] = points[i];
    const [lx, hx] = [Math.min(x1, x2), Math.max(x1, x2)];
    const [ly, hy] = [Math.min(y1, y2), Math.max(y1, y2)];
    if (hx > box.x + m && lx < box.x + box.w - m && hy > box.y + m && ly < box.y + box.h - m) return true;
  }
  return false;
}

export function route(edge: LayoutEdge, nodes: Map<string, LayoutNode>, p: Placement): Point[] {
  const s = p.boxes.get(edge.source)!;
  const t = p.boxes.get(edge.target)!;
  if (edge.association)
    return cy(t) > cy(s)
      ? [
          [cx(s), s.y + s.h],
          [cx(t), t.y],
        ]
      : [
          [cx(s), s.y],
          [cx(t), t.y + t.h],
        ];
  const source = nodes.get(edge.source)!;
  const skip = new Set([edge.source, edge.target, ...(source.host ? [source.host] : [])]);
  const obstacles = [...p.boxes.entries()].filter(([id]) => !skip.has(id)).map(([, b]) => b);
  const clean = (points: Point[]) => !obstacles.some((b) => crosses(points, b));
  const byDistance = (y: number) => [...p.channels].sort((a, b) => Math.abs(a - y) - Math.abs(b - y));
  const afterSource = p.x0 + (p.layer.get(edge.source)! + 1) * COLUMN;
  const beforeTarget = p.x0 + p.layer.get(edge.target)! * COLUMN;
  const candidates: Point[][] = [];

  if (p.backEdges.has(edge.id) || beforeTarget < afterSource) {
    const below = Math.max(s.y + s.h, t.y + t.h);
    const above = Math.min(s.y, t.y);
    for (const y of byDistance(below).filter((c) => c > below))
      candidates.push([
        [cx(s), s.y + s.h],
        [cx(s), y],
        [cx(t), y],
        [cx(t), t.y + t.h],
      ]);
    for (const y of byDistance(above).filter((c) => c < above))
      candidates.push([
        [cx(s), s.y],
        [cx(s), y],
        [cx(t), y],
        [cx(t), t.y],
      ]);
  } else if (source.host) {
    const start: Point = [cx(s), s.y + s.h];
    candidates.push([start, [cx(s), cy(t)], [t.x, cy(t)]]);
    for (const y of byDistance(cy(t)))
      candidates.push([start, [cx(s), y], [beforeTarget, y], [beforeTarget, cy(t)], [t.x, cy(t)]]);
  } else {
    const from: Point = [s.x + s.w, cy(s)];
    const to: Point = [t.x, cy(t)];
    if (Math.abs(cy(s) - cy(t)) < 1) candidates.push([from, to]);
    if (source.kind === 'gateway') {
      const exit: Point = cy(t) < cy(s) ? [cx(s), s.y] : [cx(s), s.y + s.h];
      candidates.push([exit, [cx(s), cy(t)], to]);
    }
    candidates.push([from, [afterSource, cy(s)], [afterSource, cy(t)], to]);
    candidates.push([from, [beforeTarget, cy(s)], [beforeTarget, cy(t)], to]);
    for (const y of byDistance((cy(s) + cy(t)) / 2))
      candidates.push([
        from,
        [afterSource, cy(s)],
        [afterSource, y],
        [beforeTarget, y],
        [beforeTarget, cy(t)],
        to,
      ]);
  }
  return (
    candidates.find(clean) ??
    candidates[candidates.length - 1] ?? [
      [cx(s), cy(s)],
      [cx(t), cy(t)],
    ]
  );
}
