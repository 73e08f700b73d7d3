/**
 * What crosses the boundary of a batch operation workflow: its input, progress, signals and
 * query. One batch = one workflow execution `batch/<batchId>` on the engine task queue; its
 * items are applied by `applyBatchChunk` activities (activities/operations/batch.activity.ts).
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { MigrationMapping, ModificationInstructions } from './protocol';

export const BATCH_OPERATION_WORKFLOW = 'batchOperation';
export const BATCH_OPERATIONS = ['cancel', 'retry', 'modify', 'migrate'] as const;
export type BatchOperationKind = (typeof BATCH_OPERATIONS)[number];

export function batchWorkflowId(batchId: string): string {
  return `batch/${batchId}`;
}

export interface BatchOrder {
  operation: BatchOperationKind;
  migration?: { targetVersion: number; mappings: MigrationMapping[] };
  modification?: ModificationInstructions;
  /** Who started the batch: each item's update carries it. */
  operator: string;
}

export interface BatchItemFailure {
  instanceId: string;
  code: string;
  message: string;
}

export type BatchState = 'RUNNING' | 'SUSPENDED' | 'CANCELLED' | 'COMPLETED';

export interface BatchProgress {
  batchId: string;
  operation: BatchOperationKind;
  state: BatchState;
  total: number;
  /** Items applied successfully. */
  done: number;
  failed: number;
  /** Failures with reasons (the first 1,000; `failed` counts them all). */
  failures: BatchItemFailure[];
  createdAt: string;
  endedAt?: string;
}

export interface BatchInput extends BatchOrder {
  batchId: string;
  instanceIds: string[];
  /** Items per activity call (default 25). */
  chunkSize?: number;
  /** Upper bound on items applied per second (default 100). */
  itemsPerSecond?: number;
  /** Set by continue-as-new: where the previous run stopped. */
  carried?: { next: number; progress: BatchProgress; suspended: boolean };
}

export interface BatchChunkInput extends BatchOrder {
  batchId: string;
  instanceIds: string[];
}

export interface BatchChunkResult {
  done: number;
  failures: BatchItemFailure[];
}

export const batchProgressQuery = defineQuery<BatchProgress>('batchProgress');
export const suspendBatchSignal = defineSignal('suspendBatch');
export const resumeBatchSignal = defineSignal('resumeBatch');
export const cancelBatchSignal = defineSignal('cancelBatch');
