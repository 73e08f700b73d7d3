/**
 * The generic life of an element instance: activate (create, input mappings, boundary
 * events, behaviour), complete (output mappings, leave on outgoing flows) and terminate
 * (children first, then whatever the instance waits for). Element types plug in through
 * their Behaviour; this file knows none of them by name except the multi-instance body.
 */
import type { GraphNode } from '../model/process-graph';
import type { StepContext } from './context';
import { forgetCompensable, rememberCompensable } from './compensation';
import { behaviourFor, childrenOf, nextKey, nodeOf } from './context';
import { evaluateCondition } from './feel';
import { guarded, markResolved, raiseIncident } from './incidents';
import { hasListeners, isTaskListenerEvent, runListener } from './listeners';
import type { ElementInstance, IncidentRetry, ListenerRun, Variables } from './state';
import { armBoundaryEvents, releaseOwned } from './subscriptions';
import { countCompleted, record, recordProcess } from './timeline';
import { applyInputs, applyOutputs, propagate, setLocal, visibleVariables } from './variables';

export function createInstance(
  ctx: StepContext,
  elementId: string,
  parentKey: string | null,
  kind: ElementInstance['kind'] = 'element',
): ElementInstance {
  const inst: ElementInstance = { key: nextKey(ctx), elementId, parentKey, kind };
  ctx.state.instances[inst.key] = inst;
  return inst;
}

/** A token enters an element in a scope; multi-instance activities get their body first. */
export function activateElement(
  ctx: StepContext,
  elementId: string,
  scopeKey: string,
  options: { miInner?: boolean; locals?: Variables; compensationOf?: string } = {},
): ElementInstance {
  const node = nodeOf(ctx, elementId);
  if (node.multiInstance && !options.miInner) {
    const body = createInstance(ctx, elementId, scopeKey, 'mi-body');
    adopt(ctx, body, options);
    if (withinStepBudget(ctx, body, { phase: 'activate' })) runActivation(ctx, body, node);
    return body;
  }
  const inst = createInstance(ctx, elementId, scopeKey);
  if (options.miInner) inst.miInner = true;
  adopt(ctx, inst, options);
  record(ctx, elementId, 'started');
  if (withinStepBudget(ctx, inst, { phase: 'activate' })) runActivation(ctx, inst, node);
  return inst;
}

/** Locals the new instance starts with, and the compensation throw it runs for. */
function adopt(
  ctx: StepContext,
  inst: ElementInstance,
  options: { locals?: Variables; compensationOf?: string },
) {
  if (options.locals) setLocal(ctx, inst.key, options.locals);
  if (options.compensationOf) inst.compensationOf = options.compensationOf;
}

/**
 * Every activation spends one unit of the step's budget. Past it the token stops in a
 * `no-wait-state` incident on the element it entered: the step ends in bounded time, the
 * instance stays queryable and cancellable, and a retry goes on with a fresh budget.
 */
function withinStepBudget(ctx: StepContext, inst: ElementInstance, retry: IncidentRetry): boolean {
  if (++ctx.activations <= ctx.bounds.maxActivationsPerStep) return true;
  raiseIncident(
    ctx,
    inst,
    'no-wait-state',
    `more than ${ctx.bounds.maxActivationsPerStep} element activations in one step without reaching a wait state (a loop that never waits?)`,
    retry,
  );
  return false;
}

/**
 * Activation proper; also what an incident retry of phase `activate` re-runs. As in Zeebe,
 * input mappings come first, then the start listeners (which see them), then the rest.
 */
export function runActivation(
  ctx: StepContext,
  inst: ElementInstance,
  node: GraphNode = nodeOf(ctx, inst.elementId),
): void {
  guarded(ctx, inst, { phase: 'activate' }, () => {
    if (inst.kind !== 'mi-body') applyInputs(ctx, inst.key, node.inputs);
    if (runListener(ctx, inst, { event: 'start', index: 0 })) return;
    finalizeActivation(ctx, inst);
  });
}

/** After the start listeners: boundary events are armed and the element does its work. */
function finalizeActivation(ctx: StepContext, inst: ElementInstance): void {
  if (inst.kind !== 'process' && !inst.miInner)
    armBoundaryEvents(ctx, inst.key, nodeOf(ctx, inst.elementId).boundaryEvents);
  behaviourFor(ctx, inst).activate(ctx, inst);
}

/**
 * A listener's job completed. An execution listener's variables become locals of its element
 * (Zeebe: visible to the element's work and its output mappings, not beyond); a task
 * listener's result is the user task's to judge. Then the next listener runs.
 */
export function listenerCompleted(
  ctx: StepContext,
  inst: ElementInstance,
  run: ListenerRun,
  variables: Variables | undefined,
): void {
  if (isTaskListenerEvent(run.event))
    return behaviourFor(ctx, inst).onTaskListenerCompleted?.(ctx, inst, run, variables);
  if (variables && Object.keys(variables).length) setLocal(ctx, inst.key, variables);
  continueListeners(ctx, inst, { ...run, index: run.index + 1 });
}

/**
 * Runs the listener `run` points at or, once none is left for its event, what they held up:
 * the element's activation (start), its leaving (end) or the user task's next step. Also what
 * an incident retry of phase `listener` re-runs.
 */
export function continueListeners(ctx: StepContext, inst: ElementInstance, run: ListenerRun): void {
  let flows: string[] | undefined;
  const ok = guarded(ctx, inst, { phase: 'listener', run }, () => {
    if (runListener(ctx, inst, run)) return;
    if (run.event === 'start') return finalizeActivation(ctx, inst);
    if (run.event !== 'end') return behaviourFor(ctx, inst).onTaskListenersDone?.(ctx, inst, run);
    flows = inst.kind === 'process' || inst.miInner ? [] : (run.flows ?? chooseFlows(ctx, inst));
  });
  if (!ok || !flows) return;
  if (inst.kind === 'process') finishProcess(ctx, inst);
  else leave(ctx, inst, flows, run.keepScope ?? false);
}

/** An element caught an event (boundary, event-subprocess start, event-gateway target): it starts and completes at once. */
export function enterTriggered(
  ctx: StepContext,
  elementId: string,
  scopeKey: string,
  variables?: Variables,
): ElementInstance {
  const inst = createInstance(ctx, elementId, scopeKey);
  record(ctx, elementId, 'started');
  if (!withinStepBudget(ctx, inst, { phase: 'complete', variables })) return inst;
  if (
    guarded(ctx, inst, { phase: 'complete', variables }, () =>
      applyInputs(ctx, inst.key, nodeOf(ctx, elementId).inputs),
    )
  ) {
    completeElement(ctx, inst, { variables });
  }
  return inst;
}

export interface CompleteOptions {
  /** Variables the element completes with (job result, task form, message payload). */
  variables?: Variables;
  /** Flows to take instead of the behaviour's choice. */
  flows?: string[];
  /** The caller puts a token into the scope itself right after, so the scope must not complete now. */
  keepScope?: boolean;
}

/**
 * Output mappings (or propagation), then — as in Zeebe — the end listeners, which see the
 * outputs; then the element leaves on its flows. Subscriptions it owns are released before
 * the end listeners run.
 */
export function completeElement(
  ctx: StepContext,
  inst: ElementInstance,
  options: CompleteOptions = {},
): void {
  const node = inst.kind === 'process' ? undefined : nodeOf(ctx, inst.elementId);
  const endListeners = hasListeners(ctx, inst, 'end');
  let flows: string[] = [];
  const ok = guarded(ctx, inst, { phase: 'complete', variables: options.variables }, () => {
    if (node?.outputs?.length && inst.kind !== 'mi-body') {
      setLocal(ctx, inst.key, options.variables ?? {});
      applyOutputs(ctx, inst.key, inst.parentKey, node.outputs);
    } else {
      propagate(ctx, inst.key, options.variables);
    }
    if (inst.miInner || endListeners) return;
    flows = options.flows ?? chooseFlows(ctx, inst);
  });
  if (!ok) return;
  if (endListeners) {
    releaseOwned(ctx, inst.key);
    delete inst.wait;
    const held = {
      ...(options.flows ? { flows: options.flows } : {}),
      ...(options.keepScope ? { keepScope: true } : {}),
    };
    return continueListeners(ctx, inst, { event: 'end', index: 0, ...held });
  }
  leave(ctx, inst, flows, options.keepScope ?? false);
}

/** The element's own choice of flows, else every outgoing flow whose condition holds. */
function chooseFlows(ctx: StepContext, inst: ElementInstance): string[] {
  return behaviourFor(ctx, inst).outgoing?.(ctx, inst) ?? takenFlows(ctx, inst, nodeOf(ctx, inst.elementId));
}

/** The element is done: it leaves its scope on `flows` (or lets the scope complete). */
function leave(ctx: StepContext, inst: ElementInstance, flows: string[], keepScope: boolean): void {
  releaseOwned(ctx, inst.key);
  markResolved(ctx, inst);
  delete inst.wait;
  if (inst.kind === 'element') {
    countCompleted(ctx, inst.elementId);
    record(ctx, inst.elementId, 'completed');
  }
  rememberCompensable(ctx, inst);
  if (inst.miInner) {
    const body = ctx.state.instances[inst.parentKey!];
    behaviourFor(ctx, body).onChildCompleted?.(ctx, body, inst);
    return;
  }
  removeInstance(ctx, inst);
  const thrower = inst.compensationOf ? ctx.state.instances[inst.compensationOf] : undefined;
  if (thrower) behaviourFor(ctx, thrower).onChildCompleted?.(ctx, thrower, inst);
  for (const flowId of flows) ctx.agenda.push({ flowId, scopeKey: inst.parentKey! });
  if (flows.length === 0 && !keepScope && inst.parentKey) checkScopeCompletion(ctx, inst.parentKey);
}

/** Default for activities and events: every outgoing flow whose condition (if any) holds. */
function takenFlows(ctx: StepContext, inst: ElementInstance, node: GraphNode): string[] {
  const variables = visibleVariables(ctx, inst.parentKey);
  return node.outgoing.filter((id) => {
    const condition = ctx.graph.flows[id]?.condition;
    return condition === undefined || evaluateCondition(condition, variables);
  });
}

export function terminateElement(ctx: StepContext, inst: ElementInstance): void {
  for (const child of childrenOf(ctx, inst.key)) terminateElement(ctx, child);
  releaseWait(ctx, inst);
  closeTasksOf(ctx, inst);
  if (inst.kind !== 'process') behaviourFor(ctx, inst).terminate?.(ctx, inst);
  releaseOwned(ctx, inst.key);
  markResolved(ctx, inst);
  clearScopeTokens(ctx, inst.key);
  forgetCompensable(ctx, inst.key);
  if (inst.kind === 'element') record(ctx, inst.elementId, 'terminated');
  removeInstance(ctx, inst);
}

/** Terminate everything inside a scope (an interrupting event subprocess or terminate end event). */
export function interruptScope(ctx: StepContext, scopeKey: string, except?: string): void {
  for (const child of childrenOf(ctx, scopeKey)) if (child.key !== except) terminateElement(ctx, child);
  clearScopeTokens(ctx, scopeKey);
}

function clearScopeTokens(ctx: StepContext, scopeKey: string): void {
  ctx.agenda = ctx.agenda.filter((t) => t.scopeKey !== scopeKey);
  for (const joinKey of Object.keys(ctx.state.joins))
    if (joinKey.startsWith(`${scopeKey}/`)) delete ctx.state.joins[joinKey];
}

/** A task whose completion its listeners were judging (or that an incident holds) is open but not waited for. */
function closeTasksOf(ctx: StepContext, inst: ElementInstance): void {
  for (const task of Object.values(ctx.state.tasks)) {
    if (task.elementInstanceKey !== inst.key) continue;
    delete ctx.state.tasks[task.taskId];
    ctx.commands.push({ type: 'closeUserTask', taskId: task.taskId, outcome: 'cancelled' });
  }
}

export function releaseWait(ctx: StepContext, inst: ElementInstance): void {
  const wait = inst.wait;
  if (wait?.kind === 'job') ctx.commands.push({ type: 'cancelActivity', jobKey: wait.jobKey });
  if (wait?.kind === 'child') ctx.commands.push({ type: 'cancelChild', childKey: wait.childKey });
  if (wait?.kind === 'task') {
    delete ctx.state.tasks[wait.taskId];
    ctx.commands.push({ type: 'closeUserTask', taskId: wait.taskId, outcome: 'cancelled' });
  }
  delete inst.wait;
}

export function removeInstance(ctx: StepContext, inst: ElementInstance): void {
  delete ctx.state.instances[inst.key];
  delete ctx.state.variables[inst.key];
}

/** Tokens in the scope: live element instances, tokens on flows, and tokens waiting at joins. */
export function scopeIsIdle(ctx: StepContext, scopeKey: string): boolean {
  if (childrenOf(ctx, scopeKey).length > 0) return false;
  if (ctx.agenda.some((t) => t.scopeKey === scopeKey)) return false;
  return !Object.keys(ctx.state.joins).some((k) => k.startsWith(`${scopeKey}/`));
}

/** A scope with no tokens left completes: the process, a subprocess or an event subprocess. */
export function checkScopeCompletion(ctx: StepContext, scopeKey: string): void {
  const scope = ctx.state.instances[scopeKey];
  if (!scope || scope.kind === 'mi-body' || scope.incident || !scopeIsIdle(ctx, scopeKey)) return;
  if (scope.wait?.kind === 'job' && scope.wait.listener) return; // its end listeners run
  if (scope.kind !== 'process') return completeElement(ctx, scope);
  if (hasListeners(ctx, scope, 'end')) return continueListeners(ctx, scope, { event: 'end', index: 0 });
  finishProcess(ctx, scope);
}

function finishProcess(ctx: StepContext, root: ElementInstance): void {
  releaseOwned(ctx, root.key);
  ctx.state.status = 'COMPLETED';
  ctx.state.result = { ...ctx.state.variables[root.key] };
  recordProcess(ctx, 'completed');
  delete ctx.state.instances[root.key];
  ctx.commands.push({ type: 'completeInstance', variables: ctx.state.result });
}
