/** Elements that run as a job (an activity on the host): service and send tasks, message throw events. */
import type { StepContext } from '../context';
import { nextKey } from '../context';
import { evaluateNumber, evaluateString } from '../feel';
import type { ElementInstance } from '../state';
import { visibleVariables } from '../variables';

export const DEFAULT_RETRIES = '3';

export function scheduleJob(
  ctx: StepContext,
  inst: ElementInstance,
  taskTypeSource: string,
  retriesSource: string = DEFAULT_RETRIES,
  headers: Record<string, string> = {},
): void {
  const variables = visibleVariables(ctx, inst.key);
  const taskType = evaluateString(taskTypeSource, variables);
  const retries = Math.max(1, Math.floor(evaluateNumber(retriesSource, variables)));
  const jobKey = nextKey(ctx);
  inst.wait = { kind: 'job', jobKey };
  ctx.commands.push({
    type: 'scheduleActivity',
    jobKey,
    elementId: inst.elementId,
    elementInstanceKey: inst.key,
    taskType,
    retries,
    headers,
    variables,
  });
}
