/**
 * What the exporter carries from a workflow into the store: one batch per interpreter step,
 * each record numbered by a sequence that is deterministic per instance execution (it
 * continues across continue-as-new), so a batch delivered twice — by a replay, by the
 * reconciler — writes nothing twice. Plain JSON, no imports: workflow, worker and API share it.
 */
import type {
  EngineIncident,
  EngineTimelineEntry,
  InstanceStatus,
  OpenTask,
  Variables,
} from '../engine/state';

/** Identity and header of the instance execution a batch belongs to. */
export interface ExportedInstance {
  /** Stable across continue-as-new: the first run's id. Workflow ids (instance ids) are reused once an instance ends. */
  executionId: string;
  instanceId: string;
  runId: string;
  processId: string;
  version: number;
  businessKey: string;
  parentInstanceId?: string;
  parentExecutionId?: string;
}

export type ExportRecord =
  | { seq: number; kind: 'instance'; state: InstanceStatus }
  | {
      seq: number;
      kind: 'timeline';
      entry: EngineTimelineEntry;
      elementInstanceKey?: string;
      scopeKey?: string;
    }
  | {
      seq: number;
      kind: 'variable';
      scopeKey: string;
      elementId?: string;
      name: string;
      /** Absent when the variable was removed with its scope (never for the root scope). */
      value: unknown;
    }
  | { seq: number; kind: 'incident'; incident: EngineIncident }
  /** A migration moved a live element instance (same key) onto another element. */
  | {
      seq: number;
      kind: 'element-moved';
      elementInstanceKey: string;
      elementId: string;
      elementType: string;
      name?: string;
    }
  | { seq: number; kind: 'task-opened'; task: Omit<OpenTask, 'elementInstanceKey'> }
  | {
      seq: number;
      kind: 'task-closed';
      taskId: string;
      outcome: 'completed' | 'cancelled';
      user?: string;
      /** The submitted form data of a completion. */
      variables?: Variables;
    };

export interface ExportBatch {
  instance: ExportedInstance;
  /** Workflow time of the step (ISO): every record of a batch happened then. */
  at: string;
  records: ExportRecord[];
}

/** Sink name under which the worker receives batches (workflows/export-sink.ts). */
export const HISTORY_SINK = 'history';
