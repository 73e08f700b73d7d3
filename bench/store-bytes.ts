/**
 * Bytes the store keeps for some executions: the text of every history row (lengths of
 * its columns, 8 bytes per number), without indexes and page overhead — `history.ts` measures
 * that overhead on the SQLite file and scales by it.
 */
import type { DataSource } from 'typeorm';

const TABLES: Record<string, string[]> = {
  history_instance: [
    '"executionId"',
    '"instanceId"',
    '"lastRunId"',
    '"processId"',
    '"businessKey"',
    'state',
    '"startedAt"',
    '"endedAt"',
    '"parentInstanceId"',
    '"parentExecutionId"',
    '"cancelledBy"',
    '"updatedAt"',
  ],
  history_event: ['"executionId"', 'kind', 'at', '"elementId"', 'data'],
  history_element: [
    '"executionId"',
    '"elementInstanceKey"',
    '"processId"',
    '"elementId"',
    '"elementType"',
    'name',
    '"scopeKey"',
    'state',
    '"startedAt"',
    '"endedAt"',
    'actor',
  ],
  history_variable: [
    '"executionId"',
    '"scopeKey"',
    'name',
    '"processId"',
    'value',
    '"valueKey"',
    '"updatedAt"',
  ],
  history_incident: [
    '"incidentId"',
    '"executionId"',
    '"instanceId"',
    '"processId"',
    '"elementId"',
    '"elementInstanceId"',
    'kind',
    'message',
    '"createdAt"',
    'state',
    '"resolvedAt"',
    '"resolvedBy"',
  ],
};
const NUMBERS: Record<string, number> = {
  history_instance: 4,
  history_event: 1,
  history_element: 3,
  history_variable: 1,
  history_incident: 0,
};

export async function payloadBytes(db: DataSource, executionIds?: string[]): Promise<number> {
  let total = 0;
  for (const [table, columns] of Object.entries(TABLES)) {
    const sum = columns.map((c) => `COALESCE(LENGTH(${c}), 0)`).join(' + ');
    const where = executionIds
      ? `WHERE "executionId" IN (${executionIds.map((_, i) => `$${i + 1}`).join(', ')})`
      : '';
    const sql = `SELECT COALESCE(SUM(${sum} + ${NUMBERS[table] * 8}), 0) AS n FROM ${table} ${where}`;
    const rows: { n: string | number }[] = await db.query(
      db.options.type === 'postgres' ? sql : sql.replace(/\$\d+/g, '?'),
      executionIds ?? [],
    );
    total += Number(rows[0].n);
  }
  return total;
}
