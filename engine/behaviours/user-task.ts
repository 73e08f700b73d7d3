/**
 * User task: opens a task record (the host writes it through an activity) and waits for
 * the completeTask update; assignment and schedule attributes may be FEEL.
 */
import type { Behaviour } from '../behaviour';
import { nodeOf, nowIso } from '../context';
import { evaluateList, evaluateValue } from '../feel';
import type { OpenTask } from '../state';
import { record } from '../timeline';
import { visibleVariables } from '../variables';
import type { UserTaskNode } from '../../model/process-graph';

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
    ctx.state.tasks[task.taskId] = task;
    inst.wait = { kind: 'task', taskId: task.taskId };
    record(ctx, inst.elementId, 'task-created', { detail: { taskId: task.taskId } });
    ctx.commands.push({ type: 'openUserTask', task, variables });
  },
};
