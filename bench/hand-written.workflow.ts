/**
 * The hand-written Temporal equivalent of bench/order-process.bpmn, as a Temporal developer
 * would write it: the same activity calls with the same inputs, in the same order and
 * parallelism as the interpreter issues them (see workflows/instance-host.ts):
 *
 *   A → (amount > 100 ? C1 : C2) → D ‖ E → user task "Approve" → F
 *
 * The user task works like the interpreter's: the createUserTask activity writes the record
 * (not awaited before the task counts as open), a `completeTask` Update with a validator
 * completes it, then closeUserTask and F run side by side.
 */
import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { EngineActivities, JobActivity, JobInput } from '../workflows/activity-contract';
import {
  BPMN_ERROR_TYPE,
  completeTaskUpdate,
  type CompleteTaskRequest,
  type ProcessInstanceResult,
  type Variables,
} from '../workflows/protocol';

export interface HandWrittenInput {
  processId: string;
  version: number;
  businessKey: string;
  variables: Variables;
}

// The interpreter's activity options (workflows/activities.ts), so retries and timeouts match.
const engine = proxyActivities<EngineActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const jobs = proxyActivities<Record<string, JobActivity>>({
  startToCloseTimeout: '10 minutes',
  retry: {
    maximumAttempts: 3,
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [BPMN_ERROR_TYPE],
  },
});

const CANDIDATE_GROUPS = ['sales'];

export async function orderHandWritten(input: HandWrittenInput): Promise<ProcessInstanceResult> {
  const instanceId = workflowInfo().workflowId;
  const variables: Variables = { ...input.variables };
  const meta = {
    instanceId,
    processId: input.processId,
    version: input.version,
    businessKey: input.businessKey,
  };
  let jobCount = 0;

  const job = async (elementId: string, taskType: string): Promise<void> => {
    const jobKey = String(++jobCount);
    const job: JobInput = {
      ...meta,
      jobKey: `${instanceId}/${elementId}/${jobKey}`,
      elementId,
      elementInstanceKey: jobKey,
      taskType,
      retries: 3,
      headers: {},
      variables: { ...variables },
    };
    const result = await jobs[taskType](job);
    Object.assign(variables, result ?? {});
  };

  // The user task's state, for the update's validator and handler.
  let openTaskId: string | undefined;
  let completion: CompleteTaskRequest | undefined;
  const refusal = (request: CompleteTaskRequest): string | undefined => {
    if (request.taskId !== openTaskId)
      return `TASK.NOT_OPEN: task ${request.taskId} is unknown, completed or no longer active`;
    if (!request.groups.includes('admin') && !request.groups.some((g) => CANDIDATE_GROUPS.includes(g)))
      return `TASK.NOT_CANDIDATE: user ${request.user} is not a candidate for task ${request.taskId}`;
    return undefined;
  };
  setHandler(
    completeTaskUpdate,
    (request) => {
      const refused = refusal(request);
      if (refused) throw ApplicationFailure.create({ message: refused, nonRetryable: true });
      openTaskId = undefined;
      completion = request;
      return Promise.resolve({ taskId: request.taskId, completedAt: new Date().toISOString() });
    },
    {
      validator: (request) => {
        const refused = refusal(request);
        if (refused) throw new Error(refused);
      },
    },
  );

  await job('A', 'bench-a');
  if (Number(variables.amount) > 100) await job('C1', 'bench-c1');
  else await job('C2', 'bench-c2');
  await Promise.all([job('D', 'bench-d'), job('E', 'bench-e')]);

  const taskId = `${instanceId}/Approve/${++jobCount}`;
  openTaskId = taskId;
  const created = engine.createUserTask({
    ...meta,
    taskId,
    elementId: 'Approve',
    name: 'Approve order',
    candidateGroups: CANDIDATE_GROUPS,
    candidateUsers: [],
    createdAt: new Date().toISOString(),
    variables: { ...variables },
  });
  await condition(() => completion !== undefined);
  const done = completion!;
  Object.assign(variables, done.variables ?? {});
  const closed = engine.closeUserTask({
    taskId,
    instanceId,
    outcome: 'completed',
    closedAt: new Date().toISOString(),
    completedBy: done.user,
    variables: done.variables,
  });
  await Promise.all([created, closed, job('F', 'bench-f')]);

  return { state: 'COMPLETED', variables };
}
