/**
 * An execution can end without its workflow code running: Temporal terminates it (a cancel
 * that could not run, an operator's terminate) or times it out. The exporter lives in the
 * workflow, so it never sees that end; whoever learns of it records it here: the API that
 * terminated, the reconciler that finds the execution closed.
 */
import type { DataSource } from 'typeorm';
import type { InstanceStatus } from '../engine/state';
import { HistoryElementEntity, HistoryInstanceEntity } from '../persistence/entities/history';
import { addStatDifference, instanceTally, merged, tallyExecution } from './element-stats';

export type ExternalEnd = Extract<InstanceStatus, 'TERMINATED' | 'FAILED'>;

/** Closes the store row of the run `runId` (or the latest execution of `instanceId`) when it still shows ACTIVE. */
export async function recordExternalEnd(
  dataSource: DataSource,
  target: { instanceId: string; runId?: string },
  state: ExternalEnd,
  endedAt: string,
): Promise<boolean> {
  return dataSource.transaction(async (m) => {
    const instances = m.getRepository(HistoryInstanceEntity);
    const row = target.runId
      ? await instances.findOneBy({ instanceId: target.instanceId, lastRunId: target.runId })
      : await instances.findOne({ where: { instanceId: target.instanceId }, order: { startedAt: 'DESC' } });
    if (!row || row.state !== 'ACTIVE') return false;
    const before = await tallyExecution(m, row.executionId);
    await instances.update(
      { executionId: row.executionId, state: 'ACTIVE' },
      {
        state,
        endedAt,
        durationMs: Math.max(Date.parse(endedAt) - Date.parse(row.startedAt), 0),
        updatedAt: endedAt,
      },
    );
    await m
      .getRepository(HistoryElementEntity)
      .update({ executionId: row.executionId, state: 'active' }, { state: 'terminated', endedAt });
    await addStatDifference(
      m,
      row.processId,
      merged(before, instanceTally(row.version, 'ACTIVE')),
      merged(await tallyExecution(m, row.executionId), instanceTally(row.version, state)),
    );
    return true;
  });
}
