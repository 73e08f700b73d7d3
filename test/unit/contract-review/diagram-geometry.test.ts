/**
 * The pack's diagrams as a process owner reads them (issue 9 §1): a pool with a lane per
 * department, every flow node in a lane, at most 40 flow nodes per process level, planes at
 * most 4,000 units wide, no shapes on top of each other, and DI that the layout script
 * (scripts/layout-diagrams.ts) reproduces, so a redraw changes nothing by surprise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpmn } from '../../../model/parse';
import type { BpmnElement } from '../../../model/moddle';
import { layoutXml } from '../../../scripts/layout-diagrams';

const DIAGRAMS = join(__dirname, '..', '..', '..', 'diagrams', 'contract-review');
const LANED = readdirSync(DIAGRAMS)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();

type Element = BpmnElement & {
  laneSets?: { lanes?: { name?: string; flowNodeRef?: BpmnElement[] }[] }[];
};

interface Shape {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function planes(xml: string): { element: string; shapes: Shape[] }[] {
  return [
    ...xml.matchAll(/<bpmndi:BPMNPlane [^>]*bpmnElement="([^"]+)"[^>]*>([\s\S]*?)<\/bpmndi:BPMNPlane>/g),
  ].map(([, element, body]) => ({
    element,
    shapes: [
      ...body.matchAll(
        /<bpmndi:BPMNShape [^>]*bpmnElement="([^"]+)"[^>]*>\s*<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g,
      ),
    ].map(([, id, x, y, w, h]) => ({ id, x: +x, y: +y, w: +w, h: +h })),
  }));
}

const flowNodes = (scope: BpmnElement) =>
  (scope.flowElements ?? []).filter((e) => e.$instanceOf('bpmn:FlowNode'));

function levels(scope: BpmnElement): BpmnElement[] {
  return [
    scope,
    ...flowNodes(scope)
      .filter((e) => e.$instanceOf('bpmn:SubProcess'))
      .flatMap(levels),
  ];
}

describe.each(LANED)('%s as a process owner draws it', (file) => {
  const xml = readFileSync(join(DIAGRAMS, file), 'utf8');
  let process: Element;
  beforeAll(async () => {
    const { definitions } = await parseBpmn(xml);
    process = definitions!.rootElements!.find((e) => e.$instanceOf('bpmn:Process')) as Element;
  });

  it('puts every flow node of the process in a named lane of its pool', () => {
    const lanes = process.laneSets?.[0]?.lanes ?? [];
    expect(lanes.length).toBeGreaterThan(0);
    for (const lane of lanes) expect(lane.name).toMatch(/[\u4e00-\u9fff]/);
    const inLane = new Set(lanes.flatMap((l) => (l.flowNodeRef ?? []).map((n) => n.id)));
    for (const node of flowNodes(process))
      expect(inLane.has(node.id) ? node.id : `${node.id} (no lane)`).toBe(node.id);
  });

  it('labels every flow node and gateway Chinese first', () => {
    for (const level of levels(process))
      for (const node of flowNodes(level))
        expect([node.id, node.name]).toEqual([node.id, expect.stringMatching(/^[^\n]*[\u4e00-\u9fff]/)]);
  });

  it('keeps each process level at 40 flow nodes or fewer', () => {
    for (const level of levels(process)) expect(flowNodes(level).length).toBeLessThanOrEqual(40);
  });

  it('draws each plane at most 4,000 units wide, without overlapping shapes', () => {
    const containers = /^(Participant_|Lane_)/;
    for (const plane of planes(xml)) {
      const left = Math.min(...plane.shapes.map((s) => s.x));
      const right = Math.max(...plane.shapes.map((s) => s.x + s.w));
      expect(right - left).toBeLessThanOrEqual(4000);
      const boundary = new Set([...xml.matchAll(/<bpmn:boundaryEvent id="([^"]+)"/g)].map((m) => m[1]));
      const solid = plane.shapes.filter((s) => !containers.test(s.id) && !boundary.has(s.id));
      for (const [i, a] of solid.entries())
        for (const b of solid.slice(i + 1)) {
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap ? `${a.id} overlaps ${b.id}` : 'apart').toBe('apart');
        }
    }
  });

  it('has the DI the layout script draws', async () => {
    expect(await layoutXml(xml)).toBe(xml);
  });
});
