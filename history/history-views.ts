/**
 * What the store's reads answer (instances, timeline, heatmap statistics, audit trail):
 * type-only, imported by the API and the web UI alike.
 */
import type {
  EngineIncident,
  EngineTimelineEntry,
  InstanceStatus,
  OpenTask,
  Variables,
} from '../engine/state';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface InstanceSummaryView {
  instanceId: string;
  /** The execution (first run id): an instance id is reused once an instance has ended. */
  executionId: string;
  processId: string;
  version: number;
  businessKey: string;
  state: InstanceStatus;
  startedAt: string;
  closedAt?: string;
  durationMs?: number;
  hasIncident: boolean;
  /** Elements holding a token now (empty once closed). */
  activeElements: string[];
  parentInstanceId?: string;
}

export type IncidentHistoryView = EngineIncident & {
  instanceId: string;
  processId: string;
  resolvedAt?: string;
  resolvedBy?: string;
};

export interface CalledInstanceView {
  instanceId: string;
  processId: string;
  version: number;
  state: InstanceStatus;
  startedAt: string;
  closedAt?: string;
}

export interface InstanceDetailView extends InstanceSummaryView {
  completedElements: { elementId: string; count: number }[];
  variables: Variables;
  /** Variables whose stored value was cut at the store's limit (their value here is the cut JSON text). */
  truncatedVariables: string[];
  incidents: IncidentHistoryView[];
  openTasks: Omit<OpenTask, 'elementInstanceKey'>[];
  /** Open message subscriptions: asked from the running execution (the store does not keep them); empty once closed. */
  subscriptions: { name: string; correlationKey?: string; elementId: string }[];
  calledInstances: CalledInstanceView[];
  cancelledBy?: string;
}

/** A timeline entry of the instance or of one of its called instances (`instanceId` says which). */
export type TimelineItemView = EngineTimelineEntry & { instanceId: string; processId: string };

export interface ElementStatisticsView {
  elementId: string;
  /** Running instances with a token at the element now. */
  active: number;
  /** Completions of the element over all instances. */
  completed: number;
  /** Instances that completed the element at least once. */
  instancesPassed: number;
  /** Element instances ended by interruption or cancellation. */
  terminated: number;
  /** Over completed element instances, in milliseconds (absent when none completed). */
  meanDurationMs?: number;
  p90DurationMs?: number;
}

export interface ProcessStatisticsView {
  processId: string;
  version?: number;
  /** All instances of the process (version) in the store. */
  instances: number;
  running: number;
  completedInstances: number;
  terminatedInstances: number;
  failedInstances: number;
  elements: ElementStatisticsView[];
}

export type AuditAction =
  | 'deploy'
  | 'start'
  | 'cancel'
  | 'retry'
  | 'message-publish'
  | 'task-complete'
  | 'form-deploy'
  // operator actions (api/instance-operations/operator-audit.ts)
  | 'instance.modify'
  | 'instance.migrate'
  | 'batch.create'
  | 'batch.suspend'
  | 'batch.resume'
  | 'batch.cancel';

export interface AuditEntryView {
  id: number;
  at: string;
  user: string;
  action: AuditAction;
  instanceId?: string;
  processId?: string;
  subject?: string;
  details?: Record<string, unknown>;
}
