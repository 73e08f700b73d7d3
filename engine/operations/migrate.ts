/**
 * Process instance migration. The plan maps every element holding a token to an element of
 * the target graph (explicit mappings first, then the same id with the same type); it is
 * refused when any active element is unmapped, maps onto another kind of element, or would
 * change its enclosing scope. Applied, the instance keeps everything it has — element
 * instances, variables, open tasks (ids and records), running jobs and child instances,
 * timers with their due times, completed compensable activities — renamed onto the target
 * graph; message subscriptions are
 * registered again from the target's definitions, catch events new in the target are
 * armed, and those the target no longer has are released. Tokens waiting at a joining gateway
 * go to the gateway it maps to, which must be a join of the same kind where each flow a token
 * arrived on leads in too (flows keep their ids, as Zeebe matches them).
 */
import { unsubscribeSignal } from '../signal-subscriptions';
import type { GraphNode, ProcessGraph } from '../../model/process-graph';
import type { StepContext, StepEnvironment } from '../context';
import type { EngineState } from '../state';
import type { StepResult } from '../step';
import { isJoining } from '../flow';
import { cancelTimer, subscribe, subscribeMessage, unsubscribe } from '../subscriptions';
import { recordProcess } from '../timeline';
import type { MigrationMapping, MigrationProblem } from './migration';
import { runOperation } from './operation-context';

/** Element kinds an instance may rest in while it is migrated. */
const MIGRATABLE = new Set<GraphNode['kind']>([
  'userTask',
  'receiveTask',
  'intermediateCatchEvent',
  'callActivity',
  'subProcess',
  'serviceTask',
  'sendTask',
]);

/** Explicit mappings, else the same id when the target has it. */
export function targetOf(
  target: ProcessGraph,
  mappings: MigrationMapping[],
  sourceElementId: string,
): string | undefined {
  const explicit = mappings.find((m) => m.sourceElementId === sourceElementId);
  if (explicit) return explicit.targetElementId;
  return target.nodes[sourceElementId] ? sourceElementId : undefined;
}

function eventType(node: GraphNode): string | undefined {
  return 'event' in node ? node.event.type : undefined;
}

/** Why tokens at `source` cannot go to its mapped target; undefined when they can. */
function problemOf(
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
  elementId: string,
): MigrationProblem | undefined {
  const node = source.nodes[elementId];
  if (!node)
    return { elementId, problem: 'unsupported', message: `${elementId} is not in the source version` };
  if (!MIGRATABLE.has(node.kind))
    return {
      elementId,
      problem: 'unsupported',
      message: `a token at ${elementId} (${node.kind}) cannot be migrated: wait until it reaches a task, catch event, call activity or subprocess`,
    };
  const targetId = targetOf(target, mappings, elementId);
  if (!targetId)
    return { elementId, problem: 'unmapped', message: `${elementId} has no mapping to the target version` };
  const to = target.nodes[targetId];
  const fail = (message: string): MigrationProblem => ({
    elementId,
    targetElementId: targetId,
    problem: 'incompatible',
    message,
  });
  if (!to) return fail(`${elementId} is mapped to ${targetId}, which is not in the target version`);
  if (to.kind !== node.kind)
    return fail(`${elementId} (${node.kind}) cannot become ${targetId} (${to.kind})`);
  if (eventType(to) !== eventType(node))
    return fail(
      `${elementId} waits for a ${eventType(node)} event, ${targetId} for a ${eventType(to)} event`,
    );
  if (node.kind === 'subProcess' && to.kind === 'subProcess' && node.triggeredByEvent !== to.triggeredByEvent)
    return fail(`${elementId} and ${targetId} are not both event subprocesses`);
  if (!node.multiInstance !== !to.multiInstance)
    return fail(`${elementId} and ${targetId} must both be multi-instance or both not`);
  return scopeProblem(source, target, mappings, node, to, fail);
}

/** The target element must sit in the scope the source element's scope maps to. */
function scopeProblem(
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
  node: GraphNode,
  to: GraphNode,
  fail: (message: string) => MigrationProblem,
): MigrationProblem | undefined {
  const expectedParent =
    node.parent === source.processId ? target.processId : targetOf(target, mappings, node.parent);
  if (to.parent !== expectedParent)
    return fail(`${to.id} is not in the scope ${node.id}'s scope maps to (${expectedParent ?? 'unmapped'})`);
  return undefined;
}

/**
 * Why tokens waiting at the join `gatewayId` (having arrived on `arrived` flows) cannot wait at
 * its mapped target; with no `arrived`, what the version alone tells (the plan check).
 */
function joinProblem(
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
  gatewayId: string,
  arrived: Record<string, number> = {},
): MigrationProblem | undefined {
  const node = source.nodes[gatewayId];
  if (!node)
    return {
      elementId: gatewayId,
      problem: 'unsupported',
      message: `${gatewayId} is not in the source version`,
    };
  const targetId = targetOf(target, mappings, gatewayId);
  if (!targetId)
    return {
      elementId: gatewayId,
      problem: 'unmapped',
      message: `tokens may wait at join ${gatewayId}, which has no mapping to the target version`,
    };
  const to = target.nodes[targetId];
  const fail = (message: string): MigrationProblem => ({
    elementId: gatewayId,
    targetElementId: targetId,
    problem: 'incompatible',
    message,
  });
  if (!to) return fail(`${gatewayId} is mapped to ${targetId}, which is not in the target version`);
  if (to.kind !== node.kind || !isJoining(to))
    return fail(
      `the join ${gatewayId} (${node.kind}) cannot become ${targetId} (${to.kind}, not a join of that kind)`,
    );
  const scope = scopeProblem(source, target, mappings, node, to, fail);
  if (scope) return scope;
  const stray = Object.keys(arrived).filter((f) => !to.incoming.includes(f));
  if (stray.length)
    return fail(
      `tokens wait at ${gatewayId} from ${stray.join(', ')}, which ${stray.length > 1 ? 'do' : 'does'} not lead into ${targetId} in the target version`,
    );
  if (
    to.kind === 'parallelGateway' &&
    Object.keys(arrived).length &&
    to.incoming.every((f) => arrived[f] > 0)
  )
    return fail(
      `the tokens waiting at ${gatewayId} would make ${targetId} fire at once: migrate before or after`,
    );
  return undefined;
}

function mappingErrors(
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
): MigrationProblem[] {
  const problems: MigrationProblem[] = [];
  for (const m of mappings) {
    if (!source.nodes[m.sourceElementId])
      problems.push({
        elementId: m.sourceElementId,
        problem: 'incompatible',
        message: `mapping source ${m.sourceElementId} is not in the source version`,
      });
    else if (!target.nodes[m.targetElementId])
      problems.push({
        elementId: m.sourceElementId,
        targetElementId: m.targetElementId,
        problem: 'incompatible',
        message: `mapping target ${m.targetElementId} is not in the target version`,
      });
  }
  return problems;
}

/** A version of another process is never a migration target. */
const otherProcess = (target: ProcessGraph): MigrationProblem => ({
  elementId: target.processId,
  problem: 'incompatible',
  message: `the target is another process (${target.processId})`,
});

/** Every element holding a token in this instance that the plan cannot carry, plus mappings naming unknown elements. */
export function migrationProblems(
  source: ProcessGraph,
  target: ProcessGraph,
  state: EngineState,
  mappings: MigrationMapping[],
): MigrationProblem[] {
  if (target.processId !== source.processId) return [otherProcess(target)];
  const problems = mappingErrors(source, target, mappings);
  if (state.status !== 'ACTIVE')
    problems.push({
      elementId: source.processId,
      problem: 'unsupported',
      message: `the instance is ${state.status.toLowerCase()}`,
    });
  const active = new Set(
    Object.values(state.instances)
      .filter((i) => i.kind !== 'process')
      .map((i) => i.elementId),
  );
  problems.push(...activeElementProblems(source, target, [...active], mappings));
  for (const [joinKey, arrived] of Object.entries(state.joins)) {
    const problem = joinProblem(
      source,
      target,
      mappings,
      joinKey.slice(joinKey.lastIndexOf('/') + 1),
      arrived,
    );
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The problems of the elements named as holding tokens (from a state, or from an instance's snapshot). */
export function activeElementProblems(
  source: ProcessGraph,
  target: ProcessGraph,
  activeElementIds: string[],
  mappings: MigrationMapping[],
): MigrationProblem[] {
  return [...new Set(activeElementIds)].sort().flatMap((id) => problemOf(source, target, mappings, id) ?? []);
}

/**
 * The plan checked against the version alone (no instance): every element of the source
 * version an instance can rest in, and each one's problem. What the validate endpoint reports.
 */
export function planProblems(
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
): MigrationProblem[] {
  if (target.processId !== source.processId) return [otherProcess(target)];
  const problems = mappingErrors(source, target, mappings);
  for (const node of Object.values(source.nodes).sort((a, b) => a.id.localeCompare(b.id))) {
    const problem = MIGRATABLE.has(node.kind)
      ? problemOf(source, target, mappings, node.id)
      : isJoining(node)
        ? joinProblem(source, target, mappings, node.id)
        : undefined;
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Mappings in effect for a source version: the explicit ones and the implicit same-id ones, for every element that can rest. */
export function effectiveMappings(
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
): MigrationMapping[] {
  return Object.values(source.nodes)
    .filter((n) => MIGRATABLE.has(n.kind) || isJoining(n))
    .flatMap((n) => {
      const targetElementId = targetOf(target, mappings, n.id);
      return targetElementId && target.nodes[targetElementId]
        ? [{ sourceElementId: n.id, targetElementId }]
        : [];
    });
}

/** Apply a plan `migrationProblems` found nothing wrong with; the result is on the target graph. */
export function migrateInstance(
  source: ProcessGraph,
  target: ProcessGraph,
  state: EngineState,
  mappings: MigrationMapping[],
  env: StepEnvironment,
  detail: Record<string, unknown> = {},
): StepResult {
  return runOperation(target, state, env, (ctx) => {
    const mapped = (id: string) => targetOf(target, mappings, id)!;
    for (const inst of Object.values(ctx.state.instances))
      inst.elementId = inst.kind === 'process' ? target.processId : mapped(inst.elementId);
    // Instance keys stay, so a join keeps its scope key and takes the target gateway's id.
    const joins: EngineState['joins'] = {};
    for (const [joinKey, arrived] of Object.entries(ctx.state.joins)) {
      const cut = joinKey.lastIndexOf('/');
      joins[`${joinKey.slice(0, cut)}/${mapped(joinKey.slice(cut + 1))}`] = arrived;
    }
    ctx.state.joins = joins;
    for (const [taskId, task] of Object.entries(ctx.state.tasks)) {
      const node = target.nodes[mapped(task.elementId)];
      const { name: _old, ...rest } = task;
      ctx.state.tasks[taskId] = { ...rest, elementId: node.id, ...(node.name ? { name: node.name } : {}) };
    }
    for (const incident of ctx.state.incidents)
      if (!incident.resolved && source.nodes[incident.elementId])
        incident.elementId = mapped(incident.elementId);
    carryTimers(ctx, source, target, mappings);
    carryMessages(ctx, source, target, mappings);
    carryCompensable(ctx, target, mappings);
    armNewCatchers(ctx, source, target, mappings);
    recordProcess(ctx, 'migrated', detail);
  });
}

/** Completed compensable activities follow their mapping; one the target does not have can no longer be compensated. */
function carryCompensable(ctx: StepContext, target: ProcessGraph, mappings: MigrationMapping[]): void {
  if (!ctx.state.compensable) return;
  const carried = ctx.state.compensable.flatMap((record) => {
    const elementId = targetOf(target, mappings, record.elementId);
    return elementId && target.nodes[elementId] ? [{ ...record, elementId }] : [];
  });
  if (carried.length) ctx.state.compensable = carried;
  else delete ctx.state.compensable;
}

/** The target element a catcher (boundary event, event-subprocess start, catch event) becomes, if it stays one of the same kind. */
function catcherTarget(
  ctx: StepContext,
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
  elementId: string,
): string | undefined {
  const from = source.nodes[elementId];
  const toId = targetOf(target, mappings, elementId);
  const to = toId ? target.nodes[toId] : undefined;
  if (!from || !to || to.kind !== from.kind || eventType(to) !== eventType(from)) return undefined;
  if (from.kind === 'boundaryEvent' && to.kind === 'boundaryEvent') {
    if (
      to.attachedTo !== targetOf(target, mappings, from.attachedTo) ||
      to.cancelActivity !== from.cancelActivity
    )
      return undefined;
  }
  if (from.kind === 'startEvent' && to.kind === 'startEvent' && to.interrupting !== from.interrupting)
    return undefined;
  return ctx.graph.nodes[to.id] ? to.id : undefined;
}

function carryTimers(
  ctx: StepContext,
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
): void {
  for (const timer of Object.values(ctx.state.timers)) {
    const to = catcherTarget(ctx, source, target, mappings, timer.elementId);
    // Same timer key and due time: the host's sleeping timer fires as before, now for the target element.
    if (to) ctx.state.timers[timer.timerKey] = { ...timer, elementId: to };
    else cancelTimer(ctx, timer.timerKey);
  }
}

function carryMessages(
  ctx: StepContext,
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
): void {
  for (const m of Object.values(ctx.state.messages)) {
    unsubscribe(ctx, m.subscriptionKey);
    const to = catcherTarget(ctx, source, target, mappings, m.elementId);
    const node = to ? target.nodes[to] : undefined;
    if (!node) continue;
    if (node.kind === 'receiveTask')
      subscribeMessage(ctx, m.ownerKey, node.id, node.messageName, node.correlationKey);
    else if ('event' in node) subscribe(ctx, m.ownerKey, node.id, node.event);
  }
  // Signal subscriptions likewise: registered again from the target's signal name.
  for (const s of Object.values(ctx.state.signals ?? {})) {
    unsubscribeSignal(ctx, s.subscriptionKey);
    const to = catcherTarget(ctx, source, target, mappings, s.elementId);
    const node = to ? target.nodes[to] : undefined;
    if (node && 'event' in node) subscribe(ctx, s.ownerKey, node.id, node.event);
  }
}

/** Boundary events and event-subprocess starts the target adds to what is active are armed now, as if the owner had just started. */
function armNewCatchers(
  ctx: StepContext,
  source: ProcessGraph,
  target: ProcessGraph,
  mappings: MigrationMapping[],
): void {
  const carried = new Set<string>();
  for (const id of Object.keys(source.nodes)) {
    const to = catcherTarget(ctx, source, target, mappings, id);
    if (to) carried.add(to);
  }
  for (const inst of Object.values(ctx.state.instances)) {
    if (inst.miInner) continue;
    const catchers: GraphNode[] = [];
    if (inst.kind !== 'process')
      for (const id of target.nodes[inst.elementId]?.boundaryEvents ?? []) catchers.push(target.nodes[id]);
    const scopeId = inst.kind === 'process' ? target.processId : inst.elementId;
    if (inst.kind === 'process' || target.nodes[scopeId]?.kind === 'subProcess')
      for (const es of Object.values(target.nodes))
        if (es.parent === scopeId && es.kind === 'subProcess' && es.triggeredByEvent)
          for (const start of Object.values(target.nodes))
            if (start.parent === es.id && start.kind === 'startEvent') catchers.push(start);
    for (const node of catchers)
      if (node && !carried.has(node.id) && 'event' in node) subscribe(ctx, inst.key, node.id, node.event);
  }
}
