/**
 * Export batches as the workflow's exporter emits them, produced by running the pure core
 * (no Temporal): for store tests and bench:history, which drive the real writer with them.
 */
import { randomUUID } from 'node:crypto';
import { step, type EngineState, type Stimulus } from '../../engine';
import { deriveRecords } from '../../history/derive-records';
import type { ExportBatch, ExportedInstance } from '../../history/export-records';
import type { ProcessGraph } from '../../model/process-graph';

export class ExportDriver {
  state: EngineState | null = null;
  readonly batches: ExportBatch[] = [];
  readonly instance: ExportedInstance;
  private seq = 0;

  constructor(
    readonly graph: ProcessGraph,
    businessKey: string,
    public now: number,
    version = 1,
  ) {
    const runId = randomUUID();
    this.instance = {
      executionId: runId,
      instanceId: `${graph.processId}/${businessKey}`,
      runId,
      processId: graph.processId,
      version,
      businessKey,
    };
  }

  send(make: (s: EngineState) => Stimulus, advanceMs = 0): ExportBatch | undefined {
    this.now += advanceMs;
    const stimulus = make(this.state as EngineState);
    const r = step(this.graph, this.state, stimulus, { now: this.now, timeZone: 'UTC' });
    const records = deriveRecords(this.graph, this.state, r.state, r.commands, this.seq);
    this.state = r.state;
    if (records.length === 0) return undefined;
    this.seq += records.length;
    const batch = { instance: this.instance, at: new Date(this.now).toISOString(), records };
    this.batches.push(batch);
    return batch;
  }

  start(variables: Record<string, unknown> = {}): ExportBatch | undefined {
    return this.send(() => ({ type: 'start', instanceId: this.instance.instanceId, variables }));
  }

  completeJob(elementId: string, variables?: Record<string, unknown>, advanceMs = 1000) {
    return this.send((s) => {
      const inst = Object.values(s.instances).find(
        (i) => i.elementId === elementId && i.wait?.kind === 'job',
      );
      if (!inst || inst.wait?.kind !== 'job') throw new Error(`no job at ${elementId}`);
      return { type: 'activityCompleted', jobKey: inst.wait.jobKey, variables };
    }, advanceMs);
  }

  completeTask(elementId: string, user: string, variables?: Record<string, unknown>, advanceMs = 1000) {
    return this.send((s) => {
      const task = Object.values(s.tasks).find((t) => t.elementId === elementId);
      if (!task) throw new Error(`no task at ${elementId}`);
      return { type: 'taskCompleted', taskId: task.taskId, user, variables };
    }, advanceMs);
  }
}
