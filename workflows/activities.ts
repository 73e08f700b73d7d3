/**
 * Activity stubs of the interpreter: the engine's own activities on the workflow's task
 * queue, and job activities (named by task type) on the in-process or the job task queue.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { EngineActivities, JobActivity } from './activity-contract';
import { BPMN_ERROR_TYPE, jobTaskQueue } from './protocol';

export const engineActivities = proxyActivities<EngineActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const jobProxies = new Map<string, Record<string, JobActivity>>();

/**
 * Retries map onto the retry policy: after `retries` attempts the failure reaches the core (an incident).
 * A job for an external worker (`workerTimeoutSeconds` set) that no worker starts in time fails with a
 * schedule-to-start timeout, which the core shows as a no-worker incident.
 */
export function jobActivity(
  taskType: string,
  retries: number,
  workerTimeoutSeconds: number | undefined,
): JobActivity {
  const taskQueue = workerTimeoutSeconds === undefined ? undefined : jobTaskQueue(taskType);
  const key = `${taskQueue ?? ''}#${retries}#${workerTimeoutSeconds ?? ''}`;
  let proxy = jobProxies.get(key);
  if (!proxy) {
    proxy = proxyActivities<Record<string, JobActivity>>({
      ...(taskQueue ? { taskQueue, scheduleToStartTimeout: `${workerTimeoutSeconds} seconds` } : {}),
      startToCloseTimeout: '10 minutes',
      retry: {
        maximumAttempts: retries,
        initialInterval: '1 second',
        maximumInterval: '1 minute',
        nonRetryableErrorTypes: [BPMN_ERROR_TYPE],
      },
    });
    jobProxies.set(key, proxy);
  }
  return proxy[taskType];
}
