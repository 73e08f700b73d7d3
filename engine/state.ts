/**
 * The interpreter's whole memory of one process instance: plain JSON, so the host can keep
 * it in workflow state, return it from queries and a test can compare it structurally.
 */
export type Variables = Record<string, unknown>;

export type InstanceStatus = 'ACTIVE' | 'COMPLETED' | 'TERMINATED' | 'FAILED';

/** What a waiting element instance waits for; termination releases it generically. */
export type Wait =
  | { kind: 'job'; jobKey: string; listener?: ListenerRun }
  | { kind: 'task'; taskId: string }
  | { kind: 'child'; childKey: string }
  | { kind: 'event' } // a timer or message subscription owned by the instance itself
  | { kind: 'compensation' }; // a compensation throw waits for the handlers it started

/**
 * Where an element stands in its listeners (engine/listeners.ts): the event, the listener
 * whose job runs (its index among that event's listeners), and what the listeners hold up.
 */
export interface ListenerRun {
  event: 'start' | 'end' | 'creating' | 'assigning' | 'completing';
  index: number;
  /** end: the flows to take (and whether the scope stays) once the end listeners are done. */
  flows?: string[];
  keepScope?: boolean;
  /** creating, assigning: the task being made; it opens once they are done. */
  task?: OpenTask;
  /** completing: the completion they judge. */
  completion?: { taskId: string; user: string; variables?: Variables };
}

/** How to resume after an incident is resolved. */
export type IncidentRetry =
  | { phase: 'activate' }
  | { phase: 'job' }
  | { phase: 'complete'; variables?: Variables }
  /** A listener's job failed (run it again) or what follows the listeners failed (index past the last). */
  | { phase: 'listener'; run: ListenerRun };

export interface MultiInstanceState {
  items: unknown[];
  /** Index of the next item to start (sequential) or items.length once all started. */
  next: number;
  completed: number;
  terminated: number;
  /** The completion condition held: the remaining iterations are terminated. */
  conditionMet?: boolean;
}

export interface ElementInstance {
  key: string;
  elementId: string;
  /** Enclosing element instance (process, subprocess, event subprocess, multi-instance body); null for the process. */
  parentKey: string | null;
  kind: 'process' | 'element' | 'mi-body';
  /** One iteration of a multi-instance activity: boundary events belong to the body, not to it. */
  miInner?: boolean;
  wait?: Wait;
  mi?: MultiInstanceState;
  incident?: { incidentId: string; retry: IncidentRetry };
  /** Jobs started for this element (attempt counter for job keys and child ids). */
  attempts?: number;
  /** A compensation handler: the key of the compensation throw event that started it and waits for it. */
  compensationOf?: string;
  /** The process instance: the start event it enters once its start listeners are done (when not the none start). */
  startEventId?: string;
}

/**
 * A completed activity that can still be compensated (Zeebe's compensation subscription):
 * it has a compensation handler, or it is a completed subprocess or multi-instance body that
 * holds such records itself. Kept in completion order; each is compensated at most once.
 */
export interface CompensableActivity {
  /** The completed element instance: records nested in it carry its key as their scope. */
  instanceKey: string;
  elementId: string;
  /** The scope instance it completed in. */
  scopeKey: string;
  /** The handler its compensation boundary event is associated with. */
  handlerId?: string;
  /** Its local variables when it completed: the handler (and nested handlers) get them as locals. */
  variables?: Variables;
}

export interface TimerSubscription {
  timerKey: string;
  ownerKey: string;
  /** The catching element: boundary event, catch event, event-subprocess start or event-gateway target. */
  elementId: string;
  fireAt: number;
  cycle?: { remaining: number | null; interval?: string; cron?: string };
}

export interface MessageSubscription {
  subscriptionKey: string;
  ownerKey: string;
  elementId: string;
  name: string;
  correlationKey?: string;
}

/** A signal catch (intermediate, boundary, event-subprocess start, event-gateway target) waiting for a broadcast of `name`. */
export interface SignalSubscription {
  subscriptionKey: string;
  ownerKey: string;
  elementId: string;
  name: string;
}

/** A message that arrived with a time to live while nothing waited for it. */
export interface BufferedMessage {
  name: string;
  correlationKey?: string;
  variables?: Variables;
  messageId: string;
  expiresAt: number;
}

export interface OpenTask {
  taskId: string;
  elementId: string;
  elementInstanceKey: string;
  name?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee?: string;
  formId?: string;
  dueDate?: string;
  followUpDate?: string;
  createdAt: string;
}

export interface EngineIncident {
  incidentId: string;
  elementId: string;
  elementInstanceId: string;
  kind:
    | 'job-failed'
    | 'expression'
    | 'no-worker'
    | 'unhandled-error'
    /** More element activations in one step than the step budget allows: a loop without a wait state. */
    | 'no-wait-state'
    /** A FEEL evaluation spent more than its budget (see engine/limits.ts). */
    | 'expression-budget'
    /** A multi-instance input collection longer than the cardinality cap. */
    | 'multi-instance-cap';
  message: string;
  createdAt: string;
  resolved: boolean;
}

export type TimelineEvent =
  | 'started'
  | 'completed'
  | 'terminated'
  | 'timer-fired'
  | 'message-correlated'
  | 'signal-caught'
  | 'task-created'
  | 'task-completed'
  /** A completing task listener denied a completion (detail: taskId, deniedReason). */
  | 'task-completion-denied'
  | 'error'
  | 'escalated'
  | 'incident'
  /** Operator actions (engine/operations): a modification or a migration to another version. */
  | 'modified'
  | 'migrated';

export interface EngineTimelineEntry {
  at: string;
  elementId: string;
  elementType: string;
  name?: string;
  event: TimelineEvent;
  actor?: string;
  detail?: Record<string, unknown>;
}

export interface EngineState {
  instanceId: string;
  /** Set by the host: keeps task ids unique when a business key is used again after its instance ended. */
  runKey?: string;
  processId: string;
  status: InstanceStatus;
  /** A child instance hands an uncaught BPMN error to its parent's call activity instead of raising an incident. */
  propagateErrors: boolean;
  nextKey: number;
  instances: Record<string, ElementInstance>;
  /** Variables per element instance key (each instance is a variable scope). */
  variables: Record<string, Variables>;
  /** Tokens waiting at a joining gateway: `<scopeKey>/<gatewayId>` → arrivals per incoming flow. */
  joins: Record<string, Record<string, number>>;
  timers: Record<string, TimerSubscription>;
  messages: Record<string, MessageSubscription>;
  /** Open signal subscriptions; absent while the instance never waited for a signal (states from before signals). */
  signals?: Record<string, SignalSubscription>;
  tasks: Record<string, OpenTask>;
  incidents: EngineIncident[];
  completed: Record<string, number>;
  timeline: EngineTimelineEntry[];
  /** Message ids already correlated, so a redelivered message is ignored. */
  seenMessageIds: string[];
  /** Completed activities that can still be compensated, in completion order; absent when none. */
  compensable?: CompensableActivity[];
  /** Messages waiting (until they expire) for a subscription to open; absent when none ever waited. */
  bufferedMessages?: BufferedMessage[];
  /** Variables the instance ended with (root scope at completion). */
  result?: Variables;
}

export const ROOT_KEY = '0';

export function emptyState(instanceId: string, processId: string, propagateErrors: boolean): EngineState {
  return {
    instanceId,
    processId,
    status: 'ACTIVE',
    propagateErrors,
    nextKey: 1,
    instances: {},
    variables: {},
    joins: {},
    timers: {},
    messages: {},
    tasks: {},
    incidents: [],
    completed: {},
    timeline: [],
    seenMessageIds: [],
  };
}
