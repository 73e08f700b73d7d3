/**
 * Diagrams written by others (Camunda 8 JS SDK test data) deploy and run unchanged through
 * the API, with their job types served by workers polling `bpmn-jobs-<type>`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import type { JobInput } from '../../workflows/activity-contract';
import { BPMN_ERROR_TYPE, jobTaskQueue } from '../../workflows/protocol';
import { ApiHarness, startApiHarness } from '../support/api-harness';

const corpus = (name: string) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'corpus', 'camunda-8-js-sdk', name), 'utf8');
const enc = encodeURIComponent;

/** Which job types ran for which instance, in order. */
const ran: Record<string, string[]> = {};
const record = (job: JobInput) => (ran[job.instanceId] ??= []).push(job.taskType);

const handlers: Record<string, (job: JobInput) => Promise<Record<string, unknown> | void>> = {
  'demo-service': async () => undefined,
  'process-message': async () => undefined,
  'time-out': async () => undefined,
  'console-log-msg-start': async (job) => ({ logged: job.headers.message }),
  'throw-bpmn-error-task': async () => {
    throw ApplicationFailure.create({
      type: BPMN_ERROR_TYPE,
      nonRetryable: true,
      message: 'business error',
      details: [{ errorCode: 'BUSINESS_ERROR', variables: { something: 'from the failed job' } }],
    });
  },
  'sad-flow': async () => undefined,
  pathA: async () => ({ took: 'A' }),
  pathB: async () => ({ took: 'B' }),
  wait: async () => undefined,
};

describe('Camunda 8 corpus diagrams run unchanged', () => {
  let api: ApiHarness;
  let token: string;
  const workers: Worker[] = [];
  const runs: Promise<void>[] = [];

  beforeAll(async () => {
    api = await startApiHarness();
    token = await api.token('corpus', ['process-owner', 'service']);
    for (const [type, handler] of Object.entries(handlers)) {
      const worker = await Worker.create({
        connection: api.env.nativeConnection,
        taskQueue: jobTaskQueue(type),
        activities: { [type]: async (job: JobInput) => (record(job), handler(job)) },
      });
      workers.push(worker);
      runs.push(worker.run());
    }
    for (const file of [
      'Client-DeployWorkflow.bpmn',
      'Client-ThrowError.bpmn',
      'Client-MessageStart.bpmn',
      'conditional-pathway.bpmn',
      'await-outcome.bpmn',
    ]) {
      const res = await api.call('POST', '/process-definitions', {
        token,
        body: corpus(file),
        contentType: 'application/xml',
      });
      expect([res.status, file, res.body.errors]).toEqual([201, file, undefined]);
    }
  });
  afterAll(async () => {
    workers.forEach((w) => w.shutdown());
    await Promise.all(runs);
    await api?.close();
  });

  const start = (processId: string, businessKey: string, variables: object = {}) =>
    api.call('POST', '/process-instances', { token, body: { processId, businessKey, variables } });
  const finished = async (instanceId: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await api.call('GET', `/process-instances/${enc(instanceId)}`, { token });
      if (res.body.state !== 'ACTIVE') return res.body;
      if (Date.now() > deadline)
        throw new Error(`${instanceId} still active: ${JSON.stringify(res.body.activeElements)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const processIdOf = (file: string) => corpus(file).match(/<bpmn:process id="([^"]+)"/)![1];

  it('event-based gateway: the correlated message wins over the 5 s timer', async () => {
    const processId = processIdOf('Client-DeployWorkflow.bpmn');
    const id = (await start(processId, 'msg', { uniqueId: 'u-1' })).body.instanceId;
    let published = { status: 0 };
    for (let i = 0; i < 50 && published.status !== 200; i++) {
      published = await api.call('POST', '/messages', {
        token,
        body: { name: 'Message_In', correlationKey: 'u-1' },
      });
      if (published.status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(published.status).toBe(200);
    expect((await finished(id)).state).toBe('COMPLETED');
    expect(ran[id]).toEqual(['demo-service', 'process-message']);
  });

  it('event-based gateway: without the message, the timer path runs', async () => {
    const id = (await start(processIdOf('Client-DeployWorkflow.bpmn'), 'timeout', { uniqueId: 'u-2' })).body
      .instanceId;
    expect((await finished(id)).state).toBe('COMPLETED');
    expect(ran[id]).toEqual(['demo-service', 'time-out']);
  });

  it('a BPMN error thrown in a subprocess is caught by its boundary, with the output mapping applied', async () => {
    const id = (await start('throw-bpmn-error', 'e-1')).body.instanceId;
    const done = await finished(id);
    expect(done.state).toBe('COMPLETED');
    expect(ran[id]).toEqual(['throw-bpmn-error-task', 'sad-flow']);
    expect(done.variables.something).toBe('from the failed job');
  });

  it('a message start event creates an instance', async () => {
    const res = await api.call('POST', '/messages', {
      token,
      body: { name: 'MSG-START_JOB', correlationKey: 'job-7', variables: { n: 7 } },
    });
    expect(res.status).toBe(200);
    expect(res.body.startedInstanceIds).toHaveLength(1);
    const done = await finished(res.body.startedInstanceIds[0]);
    expect(done).toMatchObject({
      state: 'COMPLETED',
      variables: { n: 7, logged: 'Workflow started via MSG-START in' },
    });
  });

  it('an exclusive gateway chooses by a variable', async () => {
    const processId = processIdOf('conditional-pathway.bpmn');
    const a = (await start(processId, 'a', { conditionVariable: true })).body.instanceId;
    const b = (await start(processId, 'b', { conditionVariable: false })).body.instanceId;
    expect((await finished(a)).variables.took).toBe('A');
    expect((await finished(b)).variables.took).toBe('B');
  });

  it('a short process completes for a client awaiting its outcome', async () => {
    const id = (await start('await-outcome', 'o-1', { x: 1 })).body.instanceId;
    expect(await finished(id)).toMatchObject({ state: 'COMPLETED', variables: { x: 1 } });
  });
});
