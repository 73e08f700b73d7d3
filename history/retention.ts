/**
 * How long the store keeps a closed instance's history. By default HISTORY_RETENTION_DAYS
 * after it ended; a process may register its own rule (a pack registers it through its
 * manifest — the generic engine names no pack): a fixed period, or a date read from its own
 * records (the contract review pack keeps history as long as the contract record).
 * Temporal's own retention is separate and shorter; the store outlives it.
 */
import { addStatDifference, instanceTally, merged, tallyExecution } from './element-stats';
import { And, type DataSource, In, IsNull, LessThan, MoreThan } from 'typeorm';
import {
  HistoryElementEntity,
  HistoryEventEntity,
  HistoryIncidentEntity,
  HistoryInstanceEntity,
  HistoryVariableEntity,
} from '../persistence/entities/history';

export interface RetainedInstance {
  instanceId: string;
  processId: string;
  businessKey: string;
  endedAt: string;
}

export type HistoryRetentionRule =
  | { days: number }
  /** The date (ISO) until which the instance's history must be kept; null: the default applies. */
  | { keepUntil(instance: RetainedInstance, dataSource: DataSource): Promise<string | null> };

const rules = new Map<string, HistoryRetentionRule>();

/** A process's own retention of its instances' history in the store (one rule per process id). */
export function registerHistoryRetention(processId: string, rule: HistoryRetentionRule): void {
  rules.set(processId, rule);
}

export function historyRetentionRule(processId: string): HistoryRetentionRule | undefined {
  return rules.get(processId);
}

export interface PurgeOutcome {
  purged: number;
  kept: number;
}

/** Deletes the history of top-level instances past their retention, with the instances they called. */
export async function purgeExpiredHistory(
  dataSource: DataSource,
  options: { defaultDays: number; now?: number; batch?: number },
): Promise<PurgeOutcome> {
  const now = options.now ?? Date.now();
  const day = 24 * 3600_000;
  const instances = dataSource.getRepository(HistoryInstanceEntity);
  // No rule keeps less than a day: anything that ended since cannot be due yet.
  const threshold = new Date(now - Math.min(options.defaultDays, 1) * day).toISOString();
  const outcome = { purged: 0, kept: 0 };
  // Paged by end time, so instances kept by a long rule do not hide the ones behind them.
  let after = '';
  for (;;) {
    const candidates = await instances.find({
      where: {
        endedAt: And(LessThan(threshold), MoreThan(after)),
        parentExecutionId: IsNull(),
      },
      order: { endedAt: 'ASC' },
      take: options.batch ?? 500,
    });
    if (candidates.length === 0) break;
    after = candidates[candidates.length - 1].endedAt!;
    for (const row of candidates) {
      if (await isDue(dataSource, row, options.defaultDays, now)) {
        await deleteExecutionTree(dataSource, row.executionId);
        outcome.purged++;
      } else outcome.kept++;
    }
  }
  return outcome;
}

async function isDue(
  dataSource: DataSource,
  row: HistoryInstanceEntity,
  defaultDays: number,
  now: number,
): Promise<boolean> {
  const day = 24 * 3600_000;
  const ended = Date.parse(row.endedAt!);
  const rule = rules.get(row.processId);
  let until = ended + defaultDays * day;
  if (rule && 'days' in rule) until = ended + rule.days * day;
  if (rule && 'keepUntil' in rule) {
    const date = await rule.keepUntil(
      {
        instanceId: row.instanceId,
        processId: row.processId,
        businessKey: row.businessKey,
        endedAt: row.endedAt!,
      },
      dataSource,
    );
    if (date) until = Date.parse(date);
  }
  return until <= now;
}

async function deleteExecutionTree(dataSource: DataSource, executionId: string): Promise<void> {
  const ids = [executionId];
  for (let frontier = [executionId]; frontier.length > 0;) {
    const children = await dataSource
      .getRepository(HistoryInstanceEntity)
      .find({ select: { executionId: true }, where: { parentExecutionId: In(frontier) } });
    frontier = children.map((c) => c.executionId);
    ids.push(...frontier);
  }
  await dataSource.transaction(async (m) => {
    // The heatmap counters lose what the deleted executions contributed.
    const rows = await m.getRepository(HistoryInstanceEntity).find({
      select: { executionId: true, processId: true, version: true, state: true },
      where: { executionId: In(ids) },
    });
    for (const row of rows)
      await addStatDifference(
        m,
        row.processId,
        merged(await tallyExecution(m, row.executionId), instanceTally(row.version, row.state)),
        new Map(),
      );
    for (const entity of [
      HistoryEventEntity,
      HistoryElementEntity,
      HistoryVariableEntity,
      HistoryIncidentEntity,
      HistoryInstanceEntity,
    ])
      await m.getRepository(entity).delete({ executionId: In(ids) });
  });
}
