/**
 * Store bytes per contract-review instance: one regular contract (CR-4.1: in stock, signed
 * by sales, delivered on time, archived) runs through the deployed diagram with the real
 * pack activities and the real exporter on the time-skipping server, then the rows the
 * store keeps for it (and any instance it called) are measured. Run after `npm run build`:
 * `node dist/bench/contract-review-store.js` (after bench:history for the on-disk estimate).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { Like } from 'typeorm';
import { HistoryEventEntity, HistoryInstanceEntity } from '../persistence/entities';
import { PackEnv, plantDateOf, plantDay } from '../test/workflow/contract-review/support/pack-env';
import { installWorkerRuntime } from '../runtime/worker-runtime';
import { payloadBytes } from './store-bytes';

async function main(): Promise<void> {
  installWorkerRuntime('warn');
  const t = new PackEnv();
  await t.setUp();
  try {
    await t.seedMasterData();
    const wednesday = await t.skipToPlant(3, 10);
    const today = plantDateOf(wednesday);
    const { instanceId } = await t.createContract({
      contractNo: 'BYTES-1',
      lines: [
        {
          partNo: 'HL-100',
          quantity: 500,
          unitPrice: 12.5,
          currency: 'CNY',
          requestedDate: plantDay(today, 10),
        },
      ],
    });
    await t.completeOpen(instanceId, 'Task_ConfirmClass', 'li.na', ['sales'], { contractClass: 'regular' });
    const sign = await t.openTask(instanceId, 'Task_SignContract');
    await t.complete(sign, 'li.na', ['sales'], { signatory: 'Li Na (sales)', signedOn: today });
    await t.waitAt(instanceId, 'Gateway_ExecutionEvents');
    await t.deliveries.record(
      'BYTES-1',
      { partNo: 'HL-100', quantity: 500, deliveredAt: new Date(wednesday + 3600_000).toISOString() },
      { user: 'wms', groups: ['service'] },
    );
    await t.result(instanceId);
    const rows = () =>
      t.db.getRepository(HistoryInstanceEntity).find({
        where: [{ instanceId }, { instanceId: Like(`${instanceId}/%`) }],
      });
    for (let i = 0; i < 100 && !(await rows()).every((r) => r.state !== 'ACTIVE'); i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // the exporter's last flush
    const executions = (await rows()).map((r) => r.executionId);
    const bytes = await payloadBytes(t.db, executions);
    const events = await t.db
      .getRepository(HistoryEventEntity)
      .countBy(executions.length === 1 ? { executionId: executions[0] } : {});
    const results = join(__dirname, '..', '..', 'bench', 'history-results.json');
    const overhead = existsSync(results)
      ? (JSON.parse(readFileSync(results, 'utf8')) as { overhead?: number }).overhead
      : undefined;
    console.log(
      `contract-review (regular, in stock): ${executions.length} execution(s), ${events} records, ${(bytes / 1024).toFixed(1)} KiB of row payload` +
        (overhead
          ? `, ~${((bytes * overhead) / 1024).toFixed(1)} KiB on disk (× ${overhead.toFixed(2)} SQLite overhead from bench:history)`
          : ''),
    );
  } finally {
    await t.tearDown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
