/** BPMN DI (shapes with bounds, edges with waypoints) as XML text for one plane. */
import type { LayoutNode } from './graph';
import type { Box, Placement } from './place';
import type { Point } from './route';

const r = (n: number) => Math.round(n);
const bounds = (b: Box) => `<dc:Bounds x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" />`;

function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points.map(([x, y]) => [r(x), r(y)] as Point)) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]))
    )
      out.pop();
    out.push(p);
  }
  return out;
}

export interface PlaneInput {
  planeElement: string;
  participant?: { id: string };
  nodes: LayoutNode[];
  placement: Placement;
  edges: { id: string; points: Point[] }[];
  /** Gateways that are exclusive (drawn with their X marker). */
  exclusive: Set<string>;
}

export function planeXml(input: PlaneInput): string {
  const lines: string[] = [];
  const { placement: p } = input;
  lines.push(`  <bpmndi:BPMNDiagram id="BPMNDiagram_${input.planeElement}">`);
  lines.push(
    `    <bpmndi:BPMNPlane id="BPMNPlane_${input.planeElement}" bpmnElement="${input.planeElement}">`,
  );
  if (input.participant && p.pool) {
    lines.push(
      `      <bpmndi:BPMNShape id="${input.participant.id}_di" bpmnElement="${input.participant.id}" isHorizontal="true">`,
      `        ${bounds(p.pool)}`,
      '      </bpmndi:BPMNShape>',
    );
    for (const lane of p.lanes) {
      const x = p.pool.x + 30;
      lines.push(
        `      <bpmndi:BPMNShape id="${lane.id}_di" bpmnElement="${lane.id}" isHorizontal="true">`,
        `        ${bounds({ x, y: lane.y, w: p.pool.w - 30, h: lane.h })}`,
        '      </bpmndi:BPMNShape>',
      );
    }
  }
  // Hosts before their boundary events, so the events are drawn on top.
  const ordered = [...input.nodes.filter((n) => !n.host), ...input.nodes.filter((n) => n.host)];
  for (const n of ordered) {
    const b = p.boxes.get(n.id)!;
    const extra = n.subProcess
      ? ' isExpanded="false"'
      : input.exclusive.has(n.id)
        ? ' isMarkerVisible="true"'
        : '';
    lines.push(
      `      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${extra}>`,
      `        ${bounds(b)}`,
      '      </bpmndi:BPMNShape>',
    );
  }
  for (const e of input.edges) {
    lines.push(`      <bpmndi:BPMNEdge id="${e.id}_di" bpmnElement="${e.id}">`);
    for (const [x, y] of simplify(e.points)) lines.push(`        <di:waypoint x="${x}" y="${y}" />`);
    lines.push('      </bpmndi:BPMNEdge>');
  }
  lines.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>');
  return lines.join('\n');
}
