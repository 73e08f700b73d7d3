/**
 * The tree walk: one executable bpmn:Process → one ProcessGraph. Per-type work lives in
 * the handler files; this file only visits scopes, attaches common parts (io mapping,
 * multi-instance), wires flows into nodes, boundary events onto their activities and
 * compensation boundary events to their handlers.
 */
import { is, type BpmnElement } from '../moddle';
import { PROCESS_GRAPH_FORMAT, type GraphNode, type ProcessGraph } from '../process-graph';
import type { CompileContext } from './context';
import { linkCompensationHandlers } from './compensation';
import { compileFlow } from './flows';
import { handlers } from './handlers';
import { ioMappingOf } from './io-mapping';
import { executionListenersOf } from './listeners';
import { multiInstanceOf } from './multi-instance';
import { starterGroupsOf } from './process-properties';

export function compileProcess(process: BpmnElement, context: CompileContext): ProcessGraph {
  const graph: ProcessGraph = {
    format: PROCESS_GRAPH_FORMAT,
    processId: process.id ?? '',
    name: process.name,
    starterGroups: starterGroupsOf(process),
    ...executionListenersOf(process),
    nodes: {},
    flows: {},
  };
  walkScope(process, graph, context);
  wireFlows(graph);
  attachBoundaryEvents(graph, context);
  resolveLinks(graph, context);
  linkCompensationHandlers(process, graph, context);
  return plain(graph);
}

function walkScope(scope: BpmnElement, graph: ProcessGraph, context: CompileContext): void {
  for (const element of scope.flowElements ?? []) {
    if (is(element, 'bpmn:SequenceFlow')) {
      graph.flows[element.id ?? ''] = compileFlow(element, context);
      continue;
    }
    // Data objects, data store references and the like carry no control flow.
    if (!is(element, 'bpmn:FlowNode')) continue;
    const handler = handlers[element.$type];
    if (!handler) {
      context.report(element.id, `${element.$type.replace('bpmn:', '')} is not supported by this engine.`);
      continue;
    }
    const node = {
      id: element.id ?? '',
      name: element.name,
      parent: scope.id ?? '',
      incoming: [],
      outgoing: [],
      ...ioMappingOf(element),
      multiInstance: multiInstanceOf(element),
      ...(element.isForCompensation ? { isForCompensation: true } : {}),
      ...executionListenersOf(element),
      ...handler(element, context),
    } as GraphNode;
    graph.nodes[node.id] = node;
    if (is(element, 'bpmn:SubProcess')) walkScope(element, graph, context);
  }
}

/** From the flows rather than <incoming>/<outgoing>, which generated BPMN may omit. */
function wireFlows(graph: ProcessGraph): void {
  for (const flow of Object.values(graph.flows)) {
    graph.nodes[flow.source]?.outgoing.push(flow.id);
    graph.nodes[flow.target]?.incoming.push(flow.id);
  }
}

function attachBoundaryEvents(graph: ProcessGraph, context: CompileContext): void {
  for (const node of Object.values(graph.nodes)) {
    if (node.kind !== 'boundaryEvent') continue;
    const activity = graph.nodes[node.attachedTo];
    if (!activity) {
      context.report(node.id, `Boundary event is attached to unknown element "${node.attachedTo}".`);
      continue;
    }
    activity.boundaryEvents = [...(activity.boundaryEvents ?? []), node.id];
  }
}

/** Each link throw jumps to the one link catch of its name in the same scope (as Zeebe requires). */
function resolveLinks(graph: ProcessGraph, context: CompileContext): void {
  const nodes = Object.values(graph.nodes);
  for (const node of nodes) {
    if (node.kind !== 'intermediateThrowEvent' || node.event.type !== 'link') continue;
    const name = node.event.linkName;
    const targets = nodes.filter(
      (n) =>
        n.kind === 'intermediateCatchEvent' &&
        n.parent === node.parent &&
        n.event.type === 'link' &&
        n.event.linkName === name,
    );
    if (targets.length !== 1) {
      context.report(
        node.id,
        `A link throw needs exactly one link catch named "${name}" in its scope (found ${targets.length}).`,
      );
      continue;
    }
    node.linkTarget = targets[0].id;
  }
}

/** The graph travels as JSON: drop undefined properties so what we test is what arrives. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
