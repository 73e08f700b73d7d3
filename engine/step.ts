/**
 * The pure core's one entry point: `(state, stimulus) → { state, commands }`. The input
 * state is never mutated: the step works on a copy of what it may change (see `copyState`),
 * sharing the rest with the input. Stimuli that no longer match anything (a timer of an
 * element that has since ended, a duplicate message) change nothing.
 */
import type { ProcessGraph } from '../model/process-graph';
import { throwError } from './catching';
import type { Command } from './command';
import { behaviourOf } from './behaviours';
import { completionRequested } from './behaviours/user-task';
import { behaviourFor, type StepContext, type StepEnvironment } from './context';
import { inFeelSession, seedOf } from './feel-session';
import { drainAgenda } from './flow';
import { markResolved, raiseIncident } from './incidents';
import { completeElement, continueListeners, listenerCompleted, runActivation } from './lifecycle';
import { limitsOf } from './limits';
import { cancelProcess, initialState, startProcess } from './start';
import type { ElementInstance, EngineState, ListenerRun, Wait } from './state';
import type { Stimulus } from './stimulus';
import { releaseOwned } from './subscriptions';
import { messageCorrelated, timerFired } from './triggers';
import { signalReceived } from './signal-delivery';

export interface StepResult {
  state: EngineState;
  commands: Command[];
}

const SEEN_MESSAGE_IDS = 1000;

export function step(
  graph: ProcessGraph,
  state: EngineState | null,
  stimulus: Stimulus,
  env: StepEnvironment,
): StepResult {
  const working =
    stimulus.type === 'start'
      ? initialState(graph, stimulus.instanceId, stimulus.propagateErrors ?? false, stimulus.runKey)
      : copyState(state!);
  return inStepContext(graph, working, env, (ctx) => {
    if (stimulus.type === 'start') startProcess(ctx, stimulus.variables, stimulus.startEventId);
    else if (working.status === 'ACTIVE') dispatch(ctx, stimulus);
    if (ctx.state.status === 'ACTIVE') drainAgenda(ctx);
    if (ctx.state.bufferedMessages) correlateBuffered(ctx);
  });
}

/**
 * Runs `body` on a working copy of the state as a step does (a step, or an operator's
 * operation): one context with the configured bounds and the behaviour registry, and one
 * FEEL session whose budget covers every expression evaluated inside.
 */
export function inStepContext(
  graph: ProcessGraph,
  working: EngineState,
  env: StepEnvironment,
  body: (ctx: StepContext) => void,
): StepResult {
  const bounds = limitsOf(env.limits);
  const ctx: StepContext = {
    ...env,
    graph,
    state: working,
    commands: [],
    agenda: [],
    bounds,
    behaviours: behaviourOf,
    activations: 0,
  };
  const seed = seedOf(working.instanceId, env.now, working.nextKey);
  inFeelSession({ now: env.now, timeZone: env.timeZone, units: bounds.maxFeelUnitsPerStep, seed }, () =>
    body(ctx),
  );
  return { state: ctx.state, commands: ctx.commands };
}

/**
 * A copy deep enough for a step to change it in place: every container the behaviours
 * write to, and the objects they mutate (element instances with their multi-instance
 * counters, join arrivals, incidents). What is only ever replaced, never mutated, is
 * shared with the input: each scope's variables (setLocal writes a new object), variable
 * values, timeline entries, timer / message / task records, seen and buffered messages.
 * Copying everything (JSON) cost more than the rest of a step, growing with the timeline
 * and the variables. The engine unit tests run every step on a deep-frozen input state.
 */
function copyState(state: EngineState): EngineState {
  const instances: EngineState['instances'] = {};
  for (const [key, inst] of Object.entries(state.instances))
    instances[key] = inst.mi ? { ...inst, mi: { ...inst.mi } } : { ...inst };
  const joins: EngineState['joins'] = {};
  for (const [key, arrivals] of Object.entries(state.joins)) joins[key] = { ...arrivals };
  return {
    ...state,
    instances,
    variables: { ...state.variables },
    joins,
    timers: { ...state.timers },
    messages: { ...state.messages },
    tasks: { ...state.tasks },
    incidents: state.incidents.map((i) => ({ ...i })),
    completed: { ...state.completed },
    timeline: [...state.timeline],
  };
}

function waiting(ctx: StepContext, match: (w: Wait) => boolean): ElementInstance | undefined {
  return Object.values(ctx.state.instances).find((i) => i.wait && match(i.wait));
}

function dispatch(ctx: StepContext, s: Exclude<Stimulus, { type: 'start' }>): void {
  switch (s.type) {
    case 'activityCompleted':
    case 'activityError':
    case 'activityFailed': {
      const inst = waiting(ctx, (w) => w.kind === 'job' && w.jobKey === s.jobKey);
      if (!inst) return;
      const listener = inst.wait?.kind === 'job' ? inst.wait.listener : undefined;
      delete inst.wait;
      if (listener) return listenerJobEnded(ctx, inst, listener, s);
      if (s.type === 'activityCompleted') return completeElement(ctx, inst, { variables: s.variables });
      if (s.type === 'activityError') return throwError(ctx, inst, s.error);
      return raiseIncident(ctx, inst, s.incidentKind ?? 'job-failed', s.message, { phase: 'activate' });
    }
    case 'taskCompleted': {
      const task = ctx.state.tasks[s.taskId];
      const inst = task && ctx.state.instances[task.elementInstanceKey];
      // Not while its completing listeners judge another completion (the host refuses it before).
      if (!inst || inst.wait?.kind !== 'task') return;
      return completionRequested(ctx, inst, { taskId: s.taskId, user: s.user, variables: s.variables });
    }
    case 'timerFired': {
      const timer = ctx.state.timers[s.timerKey];
      return timer ? timerFired(ctx, timer) : undefined;
    }
    case 'message':
      return correlate(ctx, s);
    case 'signal':
      return signalReceived(ctx, s);
    case 'childCompleted':
    case 'childFailed': {
      const inst = waiting(ctx, (w) => w.kind === 'child' && w.childKey === s.childKey);
      if (!inst) return;
      delete inst.wait;
      if (s.type === 'childCompleted') return behaviourFor(ctx, inst).onChildResult?.(ctx, inst, s.variables);
      if (s.error) return throwError(ctx, inst, s.error);
      return raiseIncident(ctx, inst, 'job-failed', s.message, { phase: 'activate' });
    }
    case 'incidentRetried':
      return retry(ctx, s.incidentId);
    case 'cancel':
      return cancelProcess(ctx);
  }
}

/** A listener's job ended: on to the next listener, or an incident that a retry resolves by running it again. */
function listenerJobEnded(
  ctx: StepContext,
  inst: ElementInstance,
  run: ListenerRun,
  s: Extract<Stimulus, { type: 'activityCompleted' | 'activityError' | 'activityFailed' }>,
): void {
  if (s.type === 'activityCompleted') return listenerCompleted(ctx, inst, run, s.variables);
  const failed = s.type === 'activityFailed';
  const message = failed
    ? s.message
    : `a listener job cannot throw a BPMN error (error code ${s.error.errorCode})`;
  raiseIncident(ctx, inst, failed ? (s.incidentKind ?? 'job-failed') : 'job-failed', message, {
    phase: 'listener',
    run,
  });
}

function subscriptionFor(ctx: StepContext, name: string, correlationKey: string | undefined) {
  return Object.values(ctx.state.messages)
    .filter((m) => m.name === name && (m.correlationKey ?? '') === (correlationKey ?? ''))
    .sort((a, b) => Number(a.subscriptionKey) - Number(b.subscriptionKey))[0];
}

function correlate(ctx: StepContext, s: Extract<Stimulus, { type: 'message' }>): void {
  if (ctx.state.seenMessageIds.includes(s.messageId)) return;
  const subscription = subscriptionFor(ctx, s.name, s.correlationKey);
  if (!subscription) {
    // Without a time to live the message is dropped: the API decides what happens to unmatched messages.
    const buffered = ctx.state.bufferedMessages ?? [];
    if (!s.timeToLiveMs || s.timeToLiveMs <= 0 || buffered.some((m) => m.messageId === s.messageId)) return;
    const { name, correlationKey, variables, messageId } = s;
    ctx.state.bufferedMessages = [
      ...buffered,
      {
        name,
        ...(correlationKey !== undefined ? { correlationKey } : {}),
        ...(variables ? { variables } : {}),
        messageId,
        expiresAt: ctx.now + s.timeToLiveMs,
      },
    ];
    return;
  }
  ctx.state.seenMessageIds = [...ctx.state.seenMessageIds, s.messageId].slice(-SEEN_MESSAGE_IDS);
  messageCorrelated(ctx, subscription, s.variables);
}

/** After a step: subscriptions it opened take the buffered messages they match, oldest first; expired ones go. */
function correlateBuffered(ctx: StepContext): void {
  while (ctx.state.status === 'ACTIVE') {
    const live = (ctx.state.bufferedMessages ?? []).filter((m) => m.expiresAt > ctx.now);
    const message = live.find((m) => subscriptionFor(ctx, m.name, m.correlationKey));
    ctx.state.bufferedMessages = live.filter((m) => m !== message);
    if (!message) break;
    ctx.state.seenMessageIds = [...ctx.state.seenMessageIds, message.messageId].slice(-SEEN_MESSAGE_IDS);
    messageCorrelated(ctx, subscriptionFor(ctx, message.name, message.correlationKey)!, message.variables);
    drainAgenda(ctx);
  }
  if (!ctx.state.bufferedMessages?.length) delete ctx.state.bufferedMessages;
}

function retry(ctx: StepContext, incidentId: string): void {
  const inst = Object.values(ctx.state.instances).find((i) => i.incident?.incidentId === incidentId);
  if (!inst) return;
  const { retry: how } = inst.incident!;
  markResolved(ctx, inst);
  if (how.phase === 'listener') return continueListeners(ctx, inst, how.run);
  if (how.phase === 'complete') {
    const resume = behaviourFor(ctx, inst).resumeCompletion;
    if (resume) return resume(ctx, inst);
    return completeElement(ctx, inst, { variables: how.variables });
  }
  releaseOwned(ctx, inst.key);
  runActivation(ctx, inst);
}
