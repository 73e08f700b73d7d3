/**
 * Work that runs as a job (an activity on the host): service and send tasks, message throw
 * events, and the execution and task listeners of any element — all the same way.
 */
import type { JobListenerInfo, ScheduleActivity } from './command';
import type { StepContext } from './context';
import { nextKey } from './context';
import { evaluateNumber, evaluateString } from './feel';
import type { ElementInstance, ListenerRun, Variables } from './state';
import { visibleVariables } from './variables';

export const DEFAULT_RETRIES = '3';

export interface JobOptions {
  /** A listener job: what the element waits for, and what the job's worker is told. */
  listener?: { run: ListenerRun; info: JobListenerInfo; userTask?: ScheduleActivity['userTask'] };
  /** Variables the job gets on top of those visible from the element (a completion's, for its completing listeners). */
  extraVariables?: Variables;
}

export function scheduleJob(
  ctx: StepContext,
  inst: ElementInstance,
  taskTypeSource: string,
  retriesSource: string = DEFAULT_RETRIES,
  headers: Record<string, string> = {},
  options: JobOptions = {},
): void {
  const variables = { ...visibleVariables(ctx, inst.key), ...options.extraVariables };
  const taskType = evaluateString(taskTypeSource, variables);
  const retries = Math.max(1, Math.floor(evaluateNumber(retriesSource, variables)));
  const jobKey = nextKey(ctx);
  const listener = options.listener;
  inst.wait = listener ? { kind: 'job', jobKey, listener: listener.run } : { kind: 'job', jobKey };
  ctx.commands.push({
    type: 'scheduleActivity',
    jobKey,
    elementId: inst.elementId,
    elementInstanceKey: inst.key,
    taskType,
    retries,
    headers,
    variables,
    ...(listener ? { listener: listener.info } : {}),
    ...(listener?.userTask ? { userTask: listener.userTask } : {}),
  });
}
