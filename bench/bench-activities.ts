/**
 * In-memory activities shared by both benchmarked workflows: five job activities named by
 * task type (the JobInput contract of workflows/activity-contract.ts) and the engine's
 * task-record activities, writing to a store the benchmark client watches so it can
 * complete a user task the moment it opens.
 */
import type {
  CloseUserTaskInput,
  EngineActivities,
  JobActivity,
  JobInput,
  UserTaskRecord,
} from '../workflows/activity-contract';
import type { Variables } from '../workflows/protocol';

/** Service-task types of bench/order-process.bpmn, in the order they run. */
export const BENCH_TASK_TYPES = ['bench-a', 'bench-c1', 'bench-c2', 'bench-d', 'bench-e', 'bench-f'] as const;
export type BenchTaskType = (typeof BENCH_TASK_TYPES)[number];

/** What each job returns: a small, fixed variable, the same for both workflows. */
const JOB_RESULTS: Record<BenchTaskType, Variables> = {
  'bench-a': { validated: true },
  'bench-c1': { credit: 'manual' },
  'bench-c2': { credit: 'automatic' },
  'bench-d': { reserved: true },
  'bench-e': { deliveryDay: 3 },
  'bench-f': { confirmed: true },
};

export interface BenchTask extends UserTaskRecord {
  state: 'open' | 'completed' | 'cancelled';
}

/** User-task records by taskId, plus a waiter per instance for "its task opened". */
export class BenchTaskStore {
  readonly tasks = new Map<string, BenchTask>();
  private readonly waiters = new Map<string, (task: BenchTask) => void>();
  private readonly opened = new Map<string, BenchTask>();
  /** Job calls seen per task type (a sanity check that both workflows do the same work). */
  readonly jobCalls = new Map<string, number>();

  /** Resolves with the instance's open task as soon as createUserTask has written it. */
  waitForTask(instanceId: string): Promise<BenchTask> {
    const already = this.opened.get(instanceId);
    if (already) {
      this.opened.delete(instanceId);
      return Promise.resolve(already);
    }
    return new Promise((resolve) => this.waiters.set(instanceId, resolve));
  }

  open(record: UserTaskRecord): void {
    if (this.tasks.has(record.taskId)) return; // idempotent by taskId (a retried activity)
    const task: BenchTask = { ...record, state: 'open' };
    this.tasks.set(record.taskId, task);
    const waiter = this.waiters.get(record.instanceId);
    if (waiter) {
      this.waiters.delete(record.instanceId);
      waiter(task);
    } else {
      this.opened.set(record.instanceId, task);
    }
  }

  close(input: CloseUserTaskInput): void {
    const task = this.tasks.get(input.taskId);
    if (task) task.state = input.outcome;
  }

  /** Forget finished tasks so a long run does not grow the heap. */
  forget(instanceId: string): void {
    for (const [id, task] of this.tasks) if (task.instanceId === instanceId) this.tasks.delete(id);
  }

  countJob(taskType: string): void {
    this.jobCalls.set(taskType, (this.jobCalls.get(taskType) ?? 0) + 1);
  }
}

/** Activities of both workers: the job types plus the engine's task-record activities. */
export type BenchActivities = Record<
  string,
  JobActivity | EngineActivities['createUserTask'] | EngineActivities['closeUserTask']
>;

export function createBenchActivities(store: BenchTaskStore): BenchActivities {
  const jobs = Object.fromEntries(
    BENCH_TASK_TYPES.map((type): [string, JobActivity] => [
      type,
      async (input: JobInput) => {
        store.countJob(input.taskType);
        return JOB_RESULTS[type];
      },
    ]),
  );
  return {
    ...jobs,
    createUserTask: async (record: UserTaskRecord) => store.open(record),
    closeUserTask: async (input: CloseUserTaskInput) => store.close(input),
  };
}
