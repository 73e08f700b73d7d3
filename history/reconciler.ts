/**
 * Catch-up from Temporal's own history. A worker killed after a workflow task completed but
 * before its export was written lost those batches; the execution's next workflow task on a
 * fresh worker replays it (the sink re-emits on replay), but an instance waiting for days
 * gets no next task. So when a worker starts, every execution that may lag — running ones,
 * ones closed within the look-back, ones the store still shows active — is replayed here
 * through the same workflow code and the same sink: the writer keeps what it has and fills
 * the gaps, so there is no gap and no duplicate.
 */
import type { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { ExternalEnd } from './external-close';
import { HistoryInstanceEntity } from '../persistence/entities/history';
import { PROCESS_INSTANCE_WORKFLOW } from '../workflows/protocol';
import { recordExternalEnd } from './external-close';
import { createHistoryQueue } from './history-sink';
import type { HistoryWriter } from './history-writer';

type WorkflowService = temporal.api.workflowservice.v1.WorkflowService;

export interface ReconcileDeps {
  workflowService: WorkflowService;
  namespace: string;
  dataSource: DataSource;
  writer: HistoryWriter;
  workflowBundle: WorkflowBundleWithSourceMap;
  /** Closed executions younger than this are checked too (default 24 h). */
  lookbackMs?: number;
}

export interface ReconcileOutcome {
  replayed: number;
  failed: { workflowId: string; error: string }[];
}

export async function reconcileHistory(deps: ReconcileDeps): Promise<ReconcileOutcome> {
  const candidates = await lagCandidates(deps);
  const queue = createHistoryQueue(deps.writer);
  const failed: ReconcileOutcome['failed'] = [];
  let replayed = 0;
  const histories = (async function* () {
    for (const execution of candidates) {
      try {
        yield { workflowId: execution.workflowId, history: await fetchHistory(deps, execution) };
      } catch (error) {
        failed.push({ workflowId: execution.workflowId, error: String(error) });
      }
    }
  })();
  for await (const result of Worker.runReplayHistories(
    { workflowBundle: deps.workflowBundle, sinks: queue.sinks },
    histories,
  )) {
    if (result.error) failed.push({ workflowId: result.workflowId, error: String(result.error) });
    else replayed++;
  }
  await queue.drain();
  // Ends the workflow code never ran (terminate, timeout) are not in any batch.
  for (const e of candidates)
    if (e.externalEnd)
      await recordExternalEnd(
        deps.dataSource,
        { instanceId: e.workflowId, runId: e.runId },
        e.externalEnd.state,
        e.externalEnd.at,
      );
  return { replayed, failed };
}

interface ExecutionRef {
  workflowId: string;
  runId: string;
  /** Closed by Temporal rather than by the workflow: terminated or timed out. */
  externalEnd?: { state: ExternalEnd; at: string };
}

/** Temporal's close statuses (WorkflowExecutionStatus) that the store shows as TERMINATED / FAILED. */
const EXTERNAL_ENDS: Record<number, ExternalEnd> = {
  3: 'FAILED', // FAILED: the workflow code threw
  4: 'TERMINATED', // CANCELED
  5: 'TERMINATED', // TERMINATED
  7: 'FAILED', // TIMED_OUT
};

function externalEndOf(e: temporal.api.workflow.v1.IWorkflowExecutionInfo): ExecutionRef['externalEnd'] {
  const state = e.status == null ? undefined : EXTERNAL_ENDS[e.status];
  if (!e.closeTime || !state) return undefined;
  const seconds = Number(e.closeTime.seconds ?? 0);
  return { state, at: new Date(seconds * 1000 + Math.floor((e.closeTime.nanos ?? 0) / 1e6)).toISOString() };
}

async function lagCandidates(deps: ReconcileDeps): Promise<ExecutionRef[]> {
  const since = new Date(Date.now() - (deps.lookbackMs ?? 24 * 3600_000)).toISOString();
  const query =
    `WorkflowType = '${PROCESS_INSTANCE_WORKFLOW}' AND ` +
    `(ExecutionStatus = 'Running' OR CloseTime > '${since}')`;
  const found = new Map<string, ExecutionRef & { closed: boolean }>();
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await deps.workflowService.listWorkflowExecutions({
      namespace: deps.namespace,
      query,
      pageSize: 500,
      nextPageToken,
    });
    for (const e of page.executions) {
      const workflowId = e.execution?.workflowId;
      const runId = e.execution?.runId;
      if (workflowId && runId)
        found.set(runId, { workflowId, runId, closed: !!e.closeTime, externalEnd: externalEndOf(e) });
    }
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  // Executions the store knows as closed on that very run need nothing.
  const stored = await deps.dataSource.getRepository(HistoryInstanceEntity).find({
    select: { instanceId: true, lastRunId: true, state: true },
  });
  const closedRuns = new Set(stored.filter((s) => s.state !== 'ACTIVE').map((s) => s.lastRunId));
  for (const s of stored)
    if (s.state === 'ACTIVE' && !found.has(s.lastRunId))
      found.set(s.lastRunId, { workflowId: s.instanceId, runId: s.lastRunId, closed: false });
  return [...found.values()].filter((e) => !(e.closed && closedRuns.has(e.runId)));
}

async function fetchHistory(
  deps: ReconcileDeps,
  execution: ExecutionRef,
): Promise<temporal.api.history.v1.IHistory> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await deps.workflowService.getWorkflowExecutionHistory({
      namespace: deps.namespace,
      execution,
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return { events };
}
