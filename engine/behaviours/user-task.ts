/**
 * User task: opens a task record (the host writes it through an activity) and waits for
 * the completeTask update; assignment and schedule attributes may be FEEL. Its task
 * listeners run as jobs: `creating` before the task opens, `assigning` when it opens with an
 * assignee, `completing` when a completion is asked for — each may correct the task, and a
 * completing one may deny the completion (the task stays open and the request is refused).
 */
import type { Behaviour } from '../behaviour';
import type { StepContext } from '../context';
import { nodeOf, nowIso } from '../context';
import { evaluateList, evaluateValue } from '../feel';
import { guarded } from '../incidents';
import { completeElement, continueListeners } from '../lifecycle';
import { corrected, hasListeners, taskListenerResult, type TaskListenerResult } from '../listeners';
import type { ElementInstance, ListenerRun, OpenTask } from '../state';
import { record } from '../timeline';
import { visibleVariables } from '../variables';
import type { UserTaskNode } from '../../model/process-graph';

type Completion = NonNullable<ListenerRun['completion']>;

export const userTask: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as UserTaskNode;
    const variables = visibleVariables(ctx, inst.key);
    const text = (source: string | undefined) => {
      const value = source === undefined ? null : evaluateValue(source, variables);
      return value === null || value === '' ? undefined : String(value);
    };
    const task: OpenTask = {
      taskId: [ctx.state.instanceId, ctx.state.runKey, inst.elementId, inst.key].filter(Boolean).join('/'),
      elementId: inst.elementId,
      elementInstanceKey: inst.key,
      candidateGroups: evaluateList(node.candidateGroups, variables),
      candidateUsers: evaluateList(node.candidateUsers, variables),
      createdAt: nowIso(ctx),
    };
    const optional = {
      name: node.name,
      assignee: text(node.assignee),
      formId: node.formId,
      dueDate: text(node.dueDate),
      followUpDate: text(node.followUpDate),
    };
    for (const [k, v] of Object.entries(optional))
      if (v !== undefined) (task as unknown as Record<string, unknown>)[k] = v;
    if (hasListeners(ctx, inst, 'creating'))
      return continueListeners(ctx, inst, { event: 'creating', index: 0, task });
    afterCreating(ctx, inst, task);
  },

  onTaskListenerCompleted(ctx, inst, run, returned) {
    let result: TaskListenerResult | undefined;
    if (
      !guarded(
        ctx,
        inst,
        { phase: 'listener', run },
        () => (result = taskListenerResult(returned, run.event)),
      )
    )
      return;
    const { denied, deniedReason, corrections } = result!;
    const next = { ...run, index: run.index + 1 };
    if (run.completion) {
      if (denied) return denyCompletion(ctx, inst, run.completion, deniedReason);
      const task = ctx.state.tasks[run.completion.taskId];
      if (task && Object.keys(corrections).length) {
        ctx.state.tasks[task.taskId] = corrected(task, corrections);
        ctx.commands.push({ type: 'correctUserTask', task: ctx.state.tasks[task.taskId] });
      }
      return continueListeners(ctx, inst, next);
    }
    // Denying an assignment keeps the task as it was before it: here, not yet assigned.
    const task = denied ? withoutAssignee(run.task!) : corrected(run.task!, corrections);
    continueListeners(ctx, inst, { ...next, task });
  },

  onTaskListenersDone(ctx, inst, run) {
    if (run.event === 'creating') return afterCreating(ctx, inst, run.task!);
    if (run.event === 'assigning') return openTask(ctx, inst, run.task!);
    if (run.event === 'completing') return finishCompletion(ctx, inst, run.completion!);
  },
};

/** A task created with an assignee (or given one by a creating listener) is assigned: its assigning listeners run. */
function afterCreating(ctx: StepContext, inst: ElementInstance, task: OpenTask): void {
  if (task.assignee && hasListeners(ctx, inst, 'assigning'))
    return continueListeners(ctx, inst, { event: 'assigning', index: 0, task });
  openTask(ctx, inst, task);
}

function withoutAssignee(task: OpenTask): OpenTask {
  const { assignee: _dropped, ...rest } = task;
  return rest;
}

function openTask(ctx: StepContext, inst: ElementInstance, task: OpenTask): void {
  ctx.state.tasks[task.taskId] = task;
  inst.wait = { kind: 'task', taskId: task.taskId };
  record(ctx, inst.elementId, 'task-created', { detail: { taskId: task.taskId } });
  ctx.commands.push({ type: 'openUserTask', task, variables: visibleVariables(ctx, inst.key) });
}

/** The completeTask update arrived: the completing listeners judge it first, if there are any. */
export function completionRequested(ctx: StepContext, inst: ElementInstance, completion: Completion): void {
  if (!hasListeners(ctx, inst, 'completing')) return finishCompletion(ctx, inst, completion);
  const { taskId, user, variables } = completion;
  continueListeners(ctx, inst, {
    event: 'completing',
    index: 0,
    completion: { taskId, user, ...(variables ? { variables } : {}) },
  });
}

function finishCompletion(ctx: StepContext, inst: ElementInstance, completion: Completion): void {
  const { taskId, user, variables } = completion;
  delete ctx.state.tasks[taskId];
  delete inst.wait;
  record(ctx, inst.elementId, 'task-completed', { actor: user, detail: { taskId } });
  ctx.commands.push({
    type: 'closeUserTask',
    taskId,
    outcome: 'completed',
    user,
    variables: variables ?? {},
  });
  completeElement(ctx, inst, { variables });
}

function denyCompletion(
  ctx: StepContext,
  inst: ElementInstance,
  completion: Completion,
  deniedReason: string,
): void {
  inst.wait = { kind: 'task', taskId: completion.taskId };
  record(ctx, inst.elementId, 'task-completion-denied', {
    actor: completion.user,
    detail: { taskId: completion.taskId, deniedReason },
  });
  ctx.commands.push({ type: 'taskCompletionDenied', taskId: completion.taskId, deniedReason });
}
