/**
 * Hand-written process graphs for the core's unit tests: terse element helpers that keep
 * incoming/outgoing/boundary lists consistent, so a test reads like the diagram.
 */
import type { EventDefinition, GraphNode, ProcessGraph, SequenceFlow } from '../../../../model/process-graph';

type Extra = Partial<Record<string, unknown>>;

export class GraphBuilder {
  readonly graph: ProcessGraph;
  private flowCount = 0;

  constructor(processId = 'proc') {
    this.graph = { format: 1, processId, nodes: {}, flows: {} };
  }

  add(node: Extra & { id: string; kind: GraphNode['kind'] }, parent = this.graph.processId): this {
    this.graph.nodes[node.id] = { parent, incoming: [], outgoing: [], ...node } as unknown as GraphNode;
    return this;
  }

  start(id = 'start', parent?: string, event: EventDefinition = { type: 'none' }, interrupting = true): this {
    return this.add({ id, kind: 'startEvent', event, interrupting }, parent);
  }
  end(id = 'end', parent?: string, event: EventDefinition = { type: 'none' }, extra: Extra = {}): this {
    return this.add({ id, kind: 'endEvent', event, ...extra }, parent);
  }
  task(id: string, parent?: string, extra: Extra = {}): this {
    return this.add({ id, kind: 'task', ...extra }, parent);
  }
  service(id: string, taskType = id, parent?: string, extra: Extra = {}): this {
    return this.add({ id, kind: 'serviceTask', taskType, retries: '3', headers: {}, ...extra }, parent);
  }
  user(id: string, parent?: string, extra: Extra = {}): this {
    return this.add({ id, kind: 'userTask', headers: {}, ...extra }, parent);
  }
  script(id: string, expression: string, resultVariable: string, parent?: string): this {
    return this.add({ id, kind: 'scriptTask', expression, resultVariable }, parent);
  }
  gateway(
    kind: 'exclusiveGateway' | 'inclusiveGateway' | 'parallelGateway' | 'eventBasedGateway',
    id: string,
    parent?: string,
    extra: Extra = {},
  ): this {
    return this.add({ id, kind, ...extra }, parent);
  }
  catchEvent(id: string, event: EventDefinition, parent?: string): this {
    return this.add({ id, kind: 'intermediateCatchEvent', event }, parent);
  }
  throwEvent(id: string, event: EventDefinition, parent?: string): this {
    return this.add({ id, kind: 'intermediateThrowEvent', event }, parent);
  }
  receive(id: string, messageName: string, correlationKey?: string, parent?: string): this {
    return this.add(
      { id, kind: 'receiveTask', messageName, ...(correlationKey ? { correlationKey } : {}) },
      parent,
    );
  }
  subProcess(id: string, parent?: string, extra: Extra = {}): this {
    return this.add({ id, kind: 'subProcess', triggeredByEvent: false, ...extra }, parent);
  }
  eventSubProcess(id: string, parent?: string): this {
    return this.add({ id, kind: 'subProcess', triggeredByEvent: true }, parent);
  }
  callActivity(id: string, calledElement: string, extra: Extra = {}, parent?: string): this {
    return this.add(
      {
        id,
        kind: 'callActivity',
        calledElement,
        binding: 'latest',
        propagateAllChildVariables: true,
        propagateAllParentVariables: true,
        ...extra,
      },
      parent,
    );
  }
  boundary(id: string, attachedTo: string, event: EventDefinition, cancelActivity = true): this {
    const host = this.graph.nodes[attachedTo];
    host.boundaryEvents = [...(host.boundaryEvents ?? []), id];
    return this.add({ id, kind: 'boundaryEvent', attachedTo, cancelActivity, event }, host.parent);
  }
  set(id: string, fields: Extra): this {
    Object.assign(this.graph.nodes[id], fields);
    return this;
  }

  /** Sequence flows along a path: `flow('a', 'b', 'c')`; a condition applies to the last flow. */
  flow(...ids: string[]): this {
    for (let i = 0; i + 1 < ids.length; i++) this.connect(ids[i], ids[i + 1]);
    return this;
  }
  conditional(from: string, to: string, condition: string, isDefault = false): this {
    const flow = this.connect(from, to, condition);
    if (isDefault) (this.graph.nodes[from] as { defaultFlow?: string }).defaultFlow = flow.id;
    return this;
  }
  defaultFlow(from: string, to: string): this {
    const flow = this.connect(from, to);
    (this.graph.nodes[from] as { defaultFlow?: string }).defaultFlow = flow.id;
    return this;
  }

  private connect(source: string, target: string, condition?: string): SequenceFlow {
    const flow: SequenceFlow = {
      id: `f${++this.flowCount}_${source}_${target}`,
      source,
      target,
      ...(condition ? { condition } : {}),
    };
    this.graph.flows[flow.id] = flow;
    this.graph.nodes[source].outgoing.push(flow.id);
    this.graph.nodes[target].incoming.push(flow.id);
    return flow;
  }

  build(): ProcessGraph {
    return this.graph;
  }
}

export const graph = (processId?: string) => new GraphBuilder(processId);
