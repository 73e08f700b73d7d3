/**
 * Execution listeners (start, end) and task listeners (creating, assigning, completing): each
 * a job like a service task's, run one after another while their element waits, in the order
 * written. This file knows which listeners an element has, schedules the next one and reads a
 * task listener's result; what follows the last one is the lifecycle's (start, end) or the
 * user task's (task events).
 */
import type { JobListener, UserTaskNode } from '../model/process-graph';
import type { UserTaskOfJob } from './command';
import type { StepContext } from './context';
import { nodeOf } from './context';
import { ExpressionError } from './feel';
import { scheduleJob } from './jobs';
import type { ElementInstance, ListenerRun, OpenTask, Variables } from './state';

export type ListenerEvent = ListenerRun['event'];

export const isTaskListenerEvent = (event: ListenerEvent): boolean => event !== 'start' && event !== 'end';

export function listenersOf(ctx: StepContext, inst: ElementInstance, event: ListenerEvent): JobListener[] {
  // A multi-instance activity's listeners run for each of its instances, not for the body.
  if (inst.kind === 'mi-body') return [];
  if (!isTaskListenerEvent(event)) {
    const all =
      inst.kind === 'process' ? ctx.graph.executionListeners : nodeOf(ctx, inst.elementId).executionListeners;
    return (all ?? []).filter((l) => l.eventType === event);
  }
  const node = nodeOf(ctx, inst.elementId) as UserTaskNode;
  return (node.taskListeners ?? []).filter((l) => l.eventType === event);
}

export const hasListeners = (ctx: StepContext, inst: ElementInstance, event: ListenerEvent): boolean =>
  listenersOf(ctx, inst, event).length > 0;

/** Schedules the job of the listener `run` points at; false when there is none left for its event. */
export function runListener(ctx: StepContext, inst: ElementInstance, run: ListenerRun): boolean {
  const listener = listenersOf(ctx, inst, run.event)[run.index];
  if (!listener) return false;
  const task = run.task ?? (run.completion ? ctx.state.tasks[run.completion.taskId] : undefined);
  const taskListener = isTaskListenerEvent(run.event);
  scheduleJob(ctx, inst, listener.type, listener.retries, listener.headers ?? {}, {
    listener: {
      run,
      info: { kind: taskListener ? 'taskListener' : 'executionListener', eventType: run.event },
      ...(task ? { userTask: userTaskOfJob(task) } : {}),
    },
    // A completing listener judges the completion: it sees the variables the task is completed with.
    ...(run.completion?.variables ? { extraVariables: run.completion.variables } : {}),
  });
  return true;
}

function userTaskOfJob(task: OpenTask): UserTaskOfJob {
  const { taskId, assignee, candidateGroups, candidateUsers, dueDate, followUpDate, formId } = task;
  return { taskId, assignee, candidateGroups, candidateUsers, dueDate, followUpDate, formId };
}

/** Zeebe's job result for a user task: deny the transition, or correct the task's assignment and dates. */
export interface TaskListenerResult {
  denied: boolean;
  deniedReason: string;
  corrections: Partial<
    Pick<OpenTask, 'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate'>
  >;
}

const CORRECTABLE = ['assignee', 'candidateGroups', 'candidateUsers', 'dueDate', 'followUpDate'] as const;

/**
 * A task listener's job returns Zeebe's CompleteJob result, `{ result: { denied, deniedReason,
 * corrections } }` (or nothing). Like Zeebe, it cannot set variables; anything malformed is an
 * incident on the task, so the worker's mistake is seen rather than dropped.
 */
export function taskListenerResult(
  returned: Variables | undefined,
  event: ListenerEvent,
): TaskListenerResult {
  const fail = (message: string): never => {
    throw new ExpressionError(`task listener (${event}): ${message}`, 'job-failed');
  };
  const { result, ...rest } = returned ?? {};
  if (Object.keys(rest).length)
    fail(
      `a task listener job completes with { result } only, not variables (${Object.keys(rest).join(', ')})`,
    );
  if (result === undefined || result === null) return { denied: false, deniedReason: '', corrections: {} };
  if (typeof result !== 'object' || Array.isArray(result)) return fail('result must be an object');
  const { denied, deniedReason, corrections, ...unknown } = result as Record<string, unknown>;
  delete unknown.type; // Zeebe's result type tag ("userTask")
  if (Object.keys(unknown).length) fail(`unknown result fields ${Object.keys(unknown).join(', ')}`);
  if (denied !== undefined && denied !== null && typeof denied !== 'boolean')
    fail('denied must be a boolean');
  if (denied && event === 'creating') fail('a creating listener cannot deny the creation');
  return {
    denied: denied === true,
    deniedReason: typeof deniedReason === 'string' ? deniedReason : '',
    corrections: correctionsOf(corrections, fail),
  };
}

function correctionsOf(value: unknown, fail: (message: string) => never): TaskListenerResult['corrections'] {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return fail('corrections must be an object');
  const corrections: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    if (field === 'priority') continue; // Zeebe's task priority: this engine's tasks have none.
    if (!(CORRECTABLE as readonly string[]).includes(field)) fail(`"${field}" cannot be corrected`);
    const list = field === 'candidateGroups' || field === 'candidateUsers';
    if (list && !(Array.isArray(v) && v.every((x) => typeof x === 'string')))
      fail(`${field} must be a list of strings`);
    if (!list && typeof v !== 'string') fail(`${field} must be a string`);
    if ((field === 'dueDate' || field === 'followUpDate') && Number.isNaN(Date.parse(v as string)))
      fail(`${field} must be an ISO 8601 date-time`);
    corrections[field] = v;
  }
  return corrections as TaskListenerResult['corrections'];
}

/** The task with a listener's corrections; an empty string clears an optional field. */
export function corrected(task: OpenTask, corrections: TaskListenerResult['corrections']): OpenTask {
  const next = { ...task, ...corrections };
  for (const field of ['assignee', 'dueDate', 'followUpDate'] as const)
    if (next[field] === '') delete next[field];
  return next;
}
