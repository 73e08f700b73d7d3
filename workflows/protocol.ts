/**
 * The one place that names what crosses the workflow boundary: workflow type, task queue,
 * signals, updates, queries, search attributes and their payload types. Imported by the
 * workflow, the worker, the activities and the API alike; it has no runtime dependencies
 * besides @temporalio/common's definers (which are plain objects).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  EngineIncident,
  EngineState,
  EngineTimelineEntry,
  OpenTask,
  TimelineEvent,
} from '../engine/state';
import type { EngineLimits } from '../engine/limits';
import type { MigrationMapping } from '../engine/operations/migration';
import type { ModificationInstructions } from '../engine/operations/modification';
import type { ProcessGraph } from '../model/process-graph';

/** Task queue of the BPMN interpreter workflows and of the in-process activities. */
export const ENGINE_TASK_QUEUE = 'bpmn-engine';
/** Workflow type of a process instance. */
export const PROCESS_INSTANCE_WORKFLOW = 'processInstance';

/**
 * Task queue for a service-task type without an in-process handler: a worker in any SDK
 * polls `bpmn-jobs-<type>` and registers an activity named `<type>`.
 */
export function jobTaskQueue(taskType: string): string {
  return `bpmn-jobs-${taskType}`;
}

/** Workflow id of a process instance: `<processId>/<businessKey>`. */
export function instanceWorkflowId(processId: string, businessKey: string): string {
  return `${processId}/${businessKey}`;
}

export type Variables = Record<string, unknown>;

export interface ProcessInstanceInput {
  graph: ProcessGraph;
  version: number;
  businessKey: string;
  variables: Variables;
  /** Start event to begin at (message or timer start); the process's none start event otherwise. */
  startEventId?: string;
  /** IANA time zone for cron and calendar timers. */
  timeZone: string;
  /** Job types the engine worker handles itself (run on the workflow's task queue); others go to `jobTaskQueue(type)`. */
  inProcessTaskTypes?: string[];
  /** Seconds a job may wait on `jobTaskQueue(type)` for a worker before the instance shows a no-worker incident (default 600). */
  jobWorkerTimeoutSeconds?: number;
  /**
   * Continue-as-new carries the interpreter state into a fresh run once history passes this
   * many events (default: when the server suggests it), at a point where no job or child runs.
   */
  continueAsNewAfterEvents?: number;
  /** Bounds on one workflow activation's work (engine/limits.ts); the engine's defaults where absent. */
  limits?: Partial<EngineLimits>;
  /** Set by continue-as-new: the state the previous run ended with. */
  resume?: EngineState;
  /** Set by continue-as-new: the next history-export record number (workflows/export-sink.ts). */
  exportSeq?: number;
  /**
   * Task ids carry the run key. Every starter sets it; an execution started without it is
   * older and asks the `task-ids-with-run-key` patch instead (a marker and a search-attribute
   * upsert in its history), see workflows/instance-host.ts.
   */
  taskIdsWithRunKey?: true;
}

/** ApplicationFailure type a job (or a child instance) fails with to throw a BPMN error. */
export const BPMN_ERROR_TYPE = 'BpmnError';

/** First detail of a `BpmnError` ApplicationFailure. */
export interface BpmnErrorDetails {
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED' | 'FAILED';

/** What a finished instance returns; call activities map it onto the parent. */
export interface ProcessInstanceResult {
  state: InstanceState;
  variables: Variables;
  /** A top-level instance's variables above RESULT_VARIABLES_LIMIT_BYTES are left out (read them with snapshotQuery). */
  variablesOmitted?: true;
}

export interface MessageSignal {
  name: string;
  correlationKey?: string;
  variables?: Variables;
  /** Idempotency key: a message delivered twice is correlated once. */
  messageId: string;
  /**
   * Milliseconds the instance keeps the message when nothing waits for it yet, correlating it
   * as soon as a matching subscription opens (Zeebe's message time to live). Without it an
   * unmatched message is dropped.
   */
  timeToLiveMs?: number;
}

/** A broadcast signal as an instance receives it (`broadcastSignal`), and as the API and the outbox carry it. */
export interface SignalBroadcast {
  name: string;
  variables?: Variables;
  /** Idempotency key: a broadcast delivered twice is caught once, and starts its processes once. */
  signalId: string;
}

export interface CompleteTaskRequest {
  taskId: string;
  user: string;
  groups: string[];
  variables: Variables;
}

export interface CompleteTaskResult {
  taskId: string;
  completedAt: string;
}

export interface RetryIncidentRequest {
  incidentId: string;
}

/** An incident as the engine keeps it (engine/state.ts). */
export type Incident = EngineIncident;

/** An open user task as queries show it: the engine's record without its internal element-instance key. */
export type OpenTaskView = Omit<OpenTask, 'elementInstanceKey'>;

/** Timeline entries as the engine records them (engine/state.ts). */
export type TimelineEventKind = TimelineEvent;
export type TimelineEntry = EngineTimelineEntry;

export interface InstanceSnapshot {
  processId: string;
  version: number;
  businessKey: string;
  state: InstanceState;
  activeElements: string[];
  completedElements: { elementId: string; count: number }[];
  variables: Variables;
  incidents: Incident[];
  openTasks: OpenTaskView[];
  subscriptions: { name: string; correlationKey?: string; elementId: string }[];
}

export const messageSignal = defineSignal<[MessageSignal]>('message');
export const broadcastSignal = defineSignal<[SignalBroadcast]>('broadcastSignal');
export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskRequest]>('completeTask');
export const retryIncidentUpdate = defineUpdate<{ retried: boolean }, [RetryIncidentRequest]>(
  'retryIncident',
);
export const snapshotQuery = defineQuery<InstanceSnapshot>('snapshot');
/** Why these variables, merged into the instance's root scope, would pass its variables limit (workflows/limits.ts); null when they fit. */
export interface VariablesLimitRefusal {
  message: string;
  details: { limitBytes: number; sizeBytes: number };
}
export const variablesLimitQuery = defineQuery<VariablesLimitRefusal | null, [Variables]>('variablesLimit');
export const timelineQuery = defineQuery<TimelineEntry[]>('timeline');

/** Search attributes registered on the Temporal namespace (by scripts/start-embedded.ts and the test servers). */
export const SEARCH_ATTRIBUTES = {
  processId: defineSearchAttributeKey('BpmnProcessId', SearchAttributeType.KEYWORD),
  version: defineSearchAttributeKey('BpmnVersion', SearchAttributeType.INT),
  businessKey: defineSearchAttributeKey('BpmnBusinessKey', SearchAttributeType.KEYWORD),
  /**
   * Open message subscriptions as `subscriptionTerm(name, correlationKey)` and signal subscriptions as
   * `signalTerm(name)`: the API correlates messages and broadcasts signals through them.
   */
  subscriptions: defineSearchAttributeKey('BpmnSubscriptions', SearchAttributeType.KEYWORD_LIST),
  /** True while the instance has an unresolved incident: GET /api/incidents lists through it. */
  hasIncident: defineSearchAttributeKey('BpmnHasIncident', SearchAttributeType.BOOL),
} as const;

/** Incident ids are `<instanceId>/incident/<n>`: the instance an incident belongs to. */
export function instanceOfIncident(incidentId: string): string | undefined {
  const at = incidentId.lastIndexOf('/incident/');
  return at > 0 ? incidentId.slice(0, at) : undefined;
}

/** The keyword an instance waiting for message `name` with `correlationKey` carries in BpmnSubscriptions. */
export function subscriptionTerm(name: string, correlationKey: string | undefined): string {
  return `${searchKeyword(name)}|${searchKeyword(correlationKey ?? '')}`;
}

/**
 * The keyword of an instance waiting for signal `name`, in the same BpmnSubscriptions list: `~` never
 * starts a message term (searchKeyword encodes it), so the two kinds cannot be confused.
 */
export function signalTerm(name: string): string {
  return `~signal|${searchKeyword(name)}`;
}

/** The BpmnBusinessKey value of an instance: its business key as a search keyword. */
export function businessKeyAttribute(businessKey: string): string {
  return searchKeyword(businessKey);
}

// Letters, digits and a few marks every visibility store compares literally; `%` and `|` are not among them.
const KEYWORD_SAFE = /^[\p{L}\p{N}\-_.:@#+=,/]$/u;

/**
 * A value as it is stored in a keyword search attribute and compared in visibility queries:
 * quotes, backslashes, spaces, `%`, `|` and control characters become `%XX` (UTF-8), so no
 * store's query dialect (SQLite, PostgreSQL, Elasticsearch) can misread them. Plain keys
 * stay as they are; `fromSearchKeyword` reverses it.
 */
export function searchKeyword(value: string): string {
  let out = '';
  for (const ch of value) {
    if (KEYWORD_SAFE.test(ch)) out += ch;
    else {
      const encoded = encodeURIComponent(ch);
      out += encoded === ch ? `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encoded;
    }
  }
  return out;
}

export function fromSearchKeyword(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Operator actions on one instance (engine/operations): Temporal Updates whose validators refuse before anything changes. */
export type { ModificationInstructions, OperationRefusal } from '../engine/operations/modification';
export type { MigrationMapping, MigrationProblem } from '../engine/operations/migration';

export interface ModifyInstanceRequest extends ModificationInstructions {
  /** Who asked (recorded on the instance's timeline). */
  operator: string;
}

export interface MigrateInstanceRequest {
  /** The target version's graph: the API reads it from the database, the workflow never does. */
  targetGraph: ProcessGraph;
  targetVersion: number;
  mappings: MigrationMapping[];
  operator: string;
}

export interface OperationResult {
  state: InstanceState;
  version: number;
  activeElements: string[];
}

export const modifyInstanceUpdate = defineUpdate<OperationResult, [ModifyInstanceRequest]>('modifyInstance');
export const migrateInstanceUpdate = defineUpdate<OperationResult, [MigrateInstanceRequest]>(
  'migrateInstance',
);
