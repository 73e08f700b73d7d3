/**
 * What the interpreter workflow asks of activities, as types only: the worker engineer
 * implements them (`createActivities(deps)`), the workflow imports them with `import type`.
 * In-process activities run on the workflow's own task queue (ENGINE_TASK_QUEUE in
 * production); a job type without an in-process handler runs on `jobTaskQueue(type)`.
 */
import type { JobListenerInfo, UserTaskOfJob } from '../engine/command';
import type { ProcessGraph } from '../model/process-graph';
import type { OpenTaskView, Variables } from './protocol';

/** Input of every job activity (service/send task, message throw); the activity name is the task type. */
export interface JobInput {
  /** Idempotency key: `<workflowId>/<elementId>/<jobKey>`, stable across retries of this job. */
  jobKey: string;
  instanceId: string;
  processId: string;
  version: number;
  businessKey: string;
  elementId: string;
  elementInstanceKey: string;
  taskType: string;
  retries: number;
  headers: Record<string, string>;
  variables: Variables;
  /** A listener's job (Zeebe's job kind EXECUTION_LISTENER / TASK_LISTENER and its event type); absent for other jobs. */
  listener?: JobListenerInfo;
  /** A task listener's job: the user task as it stands. */
  userTask?: UserTaskOfJob;
}

/**
 * A job returns the variables to merge (or nothing); an execution listener's variables become
 * locals of its element. A task listener's job returns Zeebe's CompleteJob result instead:
 * `{ result: { denied?, deniedReason?, corrections?: { assignee?, candidateGroups?,
 * candidateUsers?, dueDate?, followUpDate? } } }` (see `TaskListenerJobResult`). To throw a BPMN error it fails with a
 * non-retryable `ApplicationFailure` of type `BpmnError` (BPMN_ERROR_TYPE in protocol.ts)
 * whose first detail is a `BpmnErrorDetails`.
 */
export type JobActivity = (input: JobInput) => Promise<Variables | undefined | void>;

/** What a task listener's job returns: Zeebe's job result for a user task. */
export interface TaskListenerJobResult {
  result?: {
    denied?: boolean;
    deniedReason?: string;
    corrections?: {
      assignee?: string;
      candidateGroups?: string[];
      candidateUsers?: string[];
      dueDate?: string;
      followUpDate?: string;
    };
  };
}

export interface UserTaskRecord extends OpenTaskView {
  instanceId: string;
  processId: string;
  version: number;
  businessKey: string;
  /** Variables visible to the task when it opened (for the form). */
  variables: Variables;
}

export interface CloseUserTaskInput {
  taskId: string;
  instanceId: string;
  outcome: 'completed' | 'cancelled';
  closedAt: string;
  completedBy?: string;
  variables?: Variables;
}

/** A task listener corrected an open task: its record takes the new assignment and dates (absent = none). */
export interface CorrectUserTaskInput {
  taskId: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  followUpDate?: string;
}

/** A migrated instance's open task now stands for another element of another version (same id, same record). */
export interface RetargetUserTaskInput {
  taskId: string;
  elementId: string;
  name: string | null;
  version: number;
}

export interface ResolvedProcessGraph {
  graph: ProcessGraph;
  version: number;
}

export interface EngineActivities {
  /** Write the task record (idempotent by taskId). */
  createUserTask(record: UserTaskRecord): Promise<void>;
  /** Mark the task completed or cancelled (idempotent by taskId). */
  closeUserTask(input: CloseUserTaskInput): Promise<void>;
  /** Apply a task listener's corrections to an open task's record. */
  correctUserTask(input: CorrectUserTaskInput): Promise<void>;
  /** Point an open task's record at the element and version its instance was migrated to. */
  retargetUserTask(input: RetargetUserTaskInput): Promise<void>;
  /** The graph a call activity starts: the latest version, or the pinned one for binding `deployment`. */
  resolveProcessGraph(
    processId: string,
    binding: 'latest' | 'deployment',
    version?: number,
  ): Promise<ResolvedProcessGraph>;
}
