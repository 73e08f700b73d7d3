/**
 * Redraws the DI of BPMN files from their semantics: `node dist/scripts/layout-diagrams.js
 * diagrams/contract-review/*.bpmn`. Lanes come from the process's laneSet (its pool from the
 * collaboration's participant), the happy path from each node's first outgoing flow, and a
 * collapsed embedded subprocess gets a plane of its own. Everything else in the file is kept
 * byte for byte: only the bpmndi:BPMNDiagram elements are replaced.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import BpmnModdle from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { BpmnElement } from '../model/moddle';
import { planeXml } from './diagram-layout/di-xml';
import { scopeGraph } from './diagram-layout/graph';
import { place } from './diagram-layout/place';
import { route } from './diagram-layout/route';

type Root = BpmnElement & { participants?: (BpmnElement & { processRef?: BpmnElement })[] };

function planes(scope: BpmnElement, planeElement: string, participant?: { id: string }): string[] {
  const graph = scopeGraph(scope);
  const placement = place(graph, !!participant && graph.lanes.length > 0);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.map((e) => ({ id: e.id, points: route(e, nodes, placement) }));
  const exclusive = new Set(
    (scope.flowElements ?? []).filter((e) => e.$instanceOf('bpmn:ExclusiveGateway')).map((e) => e.id!),
  );
  const own = planeXml({ planeElement, participant, nodes: graph.nodes, placement, edges, exclusive });
  const nested = graph.nodes.filter((n) => n.subProcess).flatMap((n) => planes(n.subProcess!, n.id));
  return [own, ...nested];
}

export async function layoutXml(xml: string): Promise<string> {
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor });
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const roots = ((rootElement as BpmnElement).rootElements ?? []) as Root[];
  const collaboration = roots.find((e) => e.$instanceOf('bpmn:Collaboration'));
  const out: string[] = [];
  if (collaboration) {
    const participant = collaboration.participants?.[0];
    if (!participant?.processRef) throw new Error('the collaboration needs a participant with a process');
    out.push(...planes(participant.processRef, collaboration.id!, { id: participant.id! }));
  } else {
    for (const process of roots.filter((e) => e.$instanceOf('bpmn:Process')))
      out.push(...planes(process, process.id!));
  }
  const semantic = xml.replace(/\s*<bpmndi:BPMNDiagram[\s\S]*?<\/bpmndi:BPMNDiagram>/g, '');
  return semantic.replace(/\s*<\/bpmn:definitions>\s*$/, `\n${out.join('\n')}\n</bpmn:definitions>\n`);
}

async function main(files: string[]): Promise<void> {
  for (const file of files) writeFileSync(file, await layoutXml(readFileSync(file, 'utf8')));
}

if (require.main === module)
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
