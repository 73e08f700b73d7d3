/**
 * Activities for the conformance suite: an in-memory task store, a process-graph registry
 * for call activities, and job handlers named by task type.
 */
import { ApplicationFailure } from '@temporalio/activity';
import type {
  CloseUserTaskInput,
  CorrectUserTaskInput,
  EngineActivities,
  JobInput,
  ResolvedProcessGraph,
  RetargetUserTaskInput,
  UserTaskRecord,
} from '../../../workflows/activity-contract';
import { BPMN_ERROR_TYPE, type Variables } from '../../../workflows/protocol';
import { SIGNAL_TASK_TYPE, type ProcessGraph } from '../../../model/process-graph';
import type { SignalBroadcast } from '../../../workflows/protocol';

export interface TaskStoreEntry extends UserTaskRecord {
  state: 'open' | 'completed' | 'cancelled';
  completedBy?: string;
}

export class TestBackend {
  readonly tasks = new Map<string, TaskStoreEntry>();
  readonly graphs = new Map<string, ProcessGraph>();
  readonly jobLog: { taskType: string; elementId: string; variables: Variables; listener?: string }[] = [];
  /** Attempts per job key, so a flaky job can succeed after an incident retry. */
  readonly attempts = new Map<string, number>();
  failFlaky = true;
  /** Broadcasts the engine's signal job handed over, and where the test delivers them (by default nowhere). */
  readonly broadcasts: SignalBroadcast[] = [];
  deliverBroadcast: (signal: SignalBroadcast) => Promise<void> = async () => undefined;

  engineActivities(): EngineActivities {
    return {
      createUserTask: async (record: UserTaskRecord) => {
        this.tasks.set(record.taskId, { ...record, state: 'open' });
      },
      closeUserTask: async (input: CloseUserTaskInput) => {
        const task = this.tasks.get(input.taskId);
        if (task) Object.assign(task, { state: input.outcome, completedBy: input.completedBy });
      },
      correctUserTask: async (input: CorrectUserTaskInput) => {
        const task = this.tasks.get(input.taskId);
        if (task) Object.assign(task, input);
      },
      retargetUserTask: async (input: RetargetUserTaskInput) => {
        const task = this.tasks.get(input.taskId);
        if (task)
          Object.assign(task, {
            elementId: input.elementId,
            name: input.name ?? undefined,
            version: input.version,
          });
      },
      resolveProcessGraph: async (processId: string): Promise<ResolvedProcessGraph> => {
        const graph = this.graphs.get(processId);
        if (!graph) throw ApplicationFailure.nonRetryable(`no process ${processId}`);
        return { graph, version: 1 };
      },
    };
  }

  jobActivities(): Record<string, (input: JobInput) => Promise<Variables | undefined>> {
    const log = (input: JobInput) =>
      this.jobLog.push({
        taskType: input.taskType,
        elementId: input.elementId,
        variables: input.variables,
        ...(input.listener ? { listener: input.listener.eventType } : {}),
      });
    return {
      echo: async (input) => {
        log(input);
        return { [`${input.elementId}Done`]: true };
      },
      double: async (input) => {
        log(input);
        return { result: Number(input.variables.item ?? input.variables.amount) * 2 };
      },
      reject: async (input) => {
        log(input);
        throw ApplicationFailure.create({
          message: 'rejected',
          type: BPMN_ERROR_TYPE,
          nonRetryable: true,
          details: [
            {
              errorCode: String(input.headers.errorCode ?? 'REJECTED'),
              variables: { rejectedBy: input.elementId },
            },
          ],
        });
      },
      // The engine's signal throw: the real job records it in the outbox; here the test delivers it.
      [SIGNAL_TASK_TYPE]: async (input) => {
        const signal = {
          name: input.headers.signalName ?? '',
          variables: input.variables,
          signalId: input.jobKey,
        };
        this.broadcasts.push(signal);
        await this.deliverBroadcast(signal);
        return {};
      },
      // Listener jobs (test/fixtures/Listeners.*.bpmn).
      listen: async (input) => {
        log(input);
        return {};
      },
      route: async (input) => {
        log(input);
        return { route: 'b', discount: 5 };
      },
      'assign-reviewer': async (input) => {
        log(input);
        return { result: { corrections: { assignee: 'li.lei', dueDate: '2024-01-05T09:00:00+08:00' } } };
      },
      'require-approval': async (input) => {
        log(input);
        if (input.variables.approved === true) return {};
        return { result: { denied: true, deniedReason: 'approval missing' } };
      },
      flaky: async (input) => {
        log(input);
        this.attempts.set(input.jobKey, (this.attempts.get(input.jobKey) ?? 0) + 1);
        if (this.failFlaky) throw new Error('downstream unavailable');
        return { flakyOk: true };
      },
    };
  }
}
