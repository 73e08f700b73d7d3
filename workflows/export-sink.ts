/**
 * The workflow's side of the exporter: after every step, what changed goes to the worker
 * through a sink. Sinks add no history events (they are not commands); the records are
 * numbered deterministically, so a replay re-emits the very same batches and the writer
 * ignores what it already has (`callDuringReplay` on the worker side: a worker that died
 * between a workflow task and its export catches up when the execution is replayed).
 */
import { proxySinks, workflowInfo, type Sinks } from '@temporalio/workflow';
import type { Command, EngineState } from '../engine';
import { deriveRecords } from '../history/derive-records';
import type { ExportBatch, ExportedInstance } from '../history/export-records';
import type { ProcessInstanceInput } from './protocol';
import { workflowNow } from './workflow-clock';

export interface HistorySinks extends Sinks {
  history: { export(batch: ExportBatch): void };
}

const { history } = proxySinks<HistorySinks>();

export class HistoryExporter {
  /** Next record number; carried across continue-as-new in the input. */
  seq: number;
  private readonly info = workflowInfo();

  /** `input` is read at every step: a migration re-pins the instance to another graph and version. */
  constructor(private readonly input: () => ProcessInstanceInput) {
    this.seq = input().exportSeq ?? 0;
  }

  export(prev: EngineState | null, next: EngineState, commands: readonly Command[]): void {
    const input = this.input();
    const records = deriveRecords(input.graph, prev, next, commands, this.seq);
    if (records.length === 0) return;
    this.seq += records.length;
    const instance: ExportedInstance = {
      executionId: this.info.firstExecutionRunId,
      instanceId: this.info.workflowId,
      runId: this.info.runId,
      processId: input.graph.processId,
      version: input.version,
      businessKey: input.businessKey,
      ...(this.info.parent ? { parentInstanceId: this.info.parent.workflowId } : {}),
    };
    history.export({ instance, at: new Date(workflowNow()).toISOString(), records });
  }
}
