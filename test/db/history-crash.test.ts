/**
 * Crash catch-up: a real worker process is killed (SIGKILL) after workflow tasks completed
 * but before their export reached the store; the next worker replays the execution from
 * Temporal's history and the store ends with every record once — no gap, no duplicate.
 * The exporter's flush interval (HISTORY_FLUSH_MS) holds batches in memory, so the kill
 * lands in that window every time.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { analyseBpmn } from '../../model/deploy-model';
import { openDatabase } from '../../persistence/data-source';
import {
  HistoryElementEntity,
  HistoryEventEntity,
  HistoryInstanceEntity,
  UserTaskEntity,
} from '../../persistence/entities';
import {
  completeTaskUpdate,
  ENGINE_TASK_QUEUE,
  PROCESS_INSTANCE_WORKFLOW,
  timelineQuery,
  type ProcessInstanceInput,
} from '../../workflows/protocol';
import { testDatabases } from '../support/databases';
import { eventually } from '../support/eventually';
import { createDevServerEnv } from '../support/temporal-env';

jest.setTimeout(300_000);

const WORKER = join(__dirname, '..', '..', 'dist', 'worker', 'main.js');

describe.each(testDatabases())('history catch-up after kill -9 on %s', (_name, database) => {
  let env: TestWorkflowEnvironment;
  let db: DataSource;
  const workers: ChildProcess[] = [];

  const startWorker = async (flushMs: number): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: env.address,
        DEV_AUTH: 'true',
        LOG_LEVEL: 'warn',
        HISTORY_FLUSH_MS: String(flushMs),
        ...(database.kind === 'postgres'
          ? { DATABASE_URL: database.url }
          : { DATA_DIR: dirOf(database.file) }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    workers.push(child);
    // The worker prints a line once its start-up reconciliation is done (it polls before that).
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('history reconciled')) resolve();
      });
    });
    return child;
  };

  beforeAll(async () => {
    env = await createDevServerEnv();
    db = await openDatabase(database);
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await db?.destroy();
    await env?.teardown();
  });

  it('fills the gap from Temporal history with no gap and no duplicate', async () => {
    const xml = readFileSync(join(__dirname, '..', 'fixtures', 'e2e', 'Approval.user-task.bpmn'), 'utf8');
    const graph = (await analyseBpmn(xml)).graphs[0];
    const businessKey = `crash-${Date.now()}`;
    const workflowId = `${graph.processId}/${businessKey}`;
    const input: ProcessInstanceInput = {
      graph,
      version: 1,
      businessKey,
      variables: { amount: 5 },
      timeZone: 'UTC',
      inProcessTaskTypes: [],
      taskIdsWithRunKey: true,
    };

    // A first worker exports the start as it happens, then stops cleanly.
    const first = await startWorker(0);
    const handle = await env.client.workflow.start(PROCESS_INSTANCE_WORKFLOW, {
      taskQueue: ENGINE_TASK_QUEUE,
      workflowId,
      args: [input],
    });
    const task = await eventually(
      () => db.getRepository(UserTaskEntity).findOneBy({ instanceId: workflowId }),
      (t) => t !== null,
      60_000,
    );
    const executionId = handle.firstExecutionRunId;
    const stored = () => db.getRepository(HistoryInstanceEntity).findOneBy({ executionId });
    const before = await eventually(stored, (r) => r !== null, 30_000);
    expect(before!.state).toBe('ACTIVE');
    first.kill('SIGTERM');
    await new Promise((r) => first.once('exit', r));

    // A second worker holds its batches for a minute: the task completion and the end run, then it is killed.
    const second = await startWorker(60_000);
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task!.taskId, user: 'li.na', groups: ['sales'], variables: { approved: true } }],
    });
    expect((await handle.result()).state).toBe('COMPLETED');
    second.kill('SIGKILL');
    await new Promise((r) => second.once('exit', r));
    const lagging = await stored();
    expect(lagging!.state).toBe('ACTIVE'); // the completion never reached the store
    const lostFrom = lagging!.lastSeq + 1;

    // A fresh worker reconciles at start.
    await startWorker(0);
    const done = await eventually(stored, (r) => r?.state === 'COMPLETED', 60_000);
    expect(done!.lastSeq).toBeGreaterThan(lostFrom);
    const seqs = (
      await db
        .getRepository(HistoryEventEntity)
        .find({ select: { seq: true }, where: { executionId }, order: { seq: 'ASC' } })
    ).map((e) => e.seq);
    expect(seqs).toEqual([...Array(done!.lastSeq + 1).keys()]);
    const elements = await db.getRepository(HistoryElementEntity).find({ where: { executionId } });
    expect(elements.map((e) => `${e.elementId}:${e.state}`).sort()).toEqual([
      'approve:completed',
      'end:completed',
      'start:completed',
    ]);
    expect(elements.find((e) => e.elementId === 'approve')!.actor).toBe('li.na');
    // The store's timeline is the interpreter's own, entry for entry.
    const truth = await handle.query(timelineQuery);
    const events = await db
      .getRepository(HistoryEventEntity)
      .find({ where: { executionId, kind: 'timeline' }, order: { seq: 'ASC' } });
    expect(events.map((e) => JSON.parse(e.data).entry)).toEqual(truth);
  });
});

function dirOf(file: string): string {
  return file.slice(0, file.lastIndexOf('/'));
}
