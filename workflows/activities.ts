/**
 * Activity stubs of the interpreter: the engine's own activities on the workflow's task
 * queue, and job activities (named by task type) on the in-process or the job task queue.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { EngineActivities, JobActivity } from './activity-contract';
import { BPMN_ERROR_TYPE, jobTaskQueue } from './protocol';

/**
 * In-process activities heartbeat (worker/heartbeat-interceptor.ts): a worker that dies while
 * running one delays its instance by about this timeout plus one retry interval, not minutes.
 */
export const IN_PROCESS_HEARTBEAT_TIMEOUT = '5 seconds';

export const engineActivities = proxyActivities<EngineActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: IN_PROCESS_HEARTBEAT_TIMEOUT,
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
      // External workers (any SDK) may not heartbeat: they keep the long start-to-close timeout.
      ...(taskQueue
        ? { taskQueue, scheduleToStartTimeout: `${workerTimeoutSeconds} seconds` }
        : { heartbeatTimeout: IN_PROCESS_HEARTBEAT_TIMEOUT }),
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
