/**
 * The durable path from the API to instances: a command recorded while Temporal cannot be
 * reached is delivered once it can, a repeated delivery changes nothing, and a message
 * published twice with one messageId starts one instance and answers the same both times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { createApp } from '../../api/create-app';
import { InstanceCommandOutbox } from '../../api/instance-commands/instance-command-outbox.service';
import { openDatabase } from '../../persistence/data-source';
import { InstanceCommandEntity } from '../../persistence/entities';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'e2e', name), 'utf8');

describe('durable instance commands', () => {
  let api: ApiHarness;
  let token: string;

  beforeAll(async () => {
    api = await startApiHarness();
    token = await api.token('ops', ['process-owner', 'service']);
    for (const file of ['Approval.user-task.bpmn', 'Registration.message-start.bpmn'])
      expect(
        (await api.call('POST', '/process-definitions', { token, body: { xml: fixture(file) } })).status,
      ).toBe(201);
  });
  afterAll(() => api.close());

  const runsOf = async (workflowId: string) => {
    const runs: string[] = [];
    for await (const run of api.env.client.workflow.list({ query: `WorkflowId = '${workflowId}'` }))
      runs.push(run.runId);
    return runs;
  };

  // The API that cannot reach Temporal backs itself off, not the command: the API that can
  // reach it delivers within a few dispatcher ticks and 5 s delivery attempts (no 30 s backoffs).
  const DELIVERY_WAIT_MS = 45_000;

  describe('an API whose Temporal is down', () => {
    let offline: INestApplication;
    let offlineData: DataSource;

    beforeAll(async () => {
      // A second API process on the same database, its Temporal address answering nothing.
      offlineData = await openDatabase(api.config.database);
      const unreachable = new Client({
        connection: Connection.lazy({ address: '127.0.0.1:9', connectTimeout: 500 }),
      });
      offline = await createApp({ config: api.config, temporal: unreachable, dataSource: offlineData });
      await offline.init();
    });
    afterAll(async () => {
      await offline.close();
      if (offlineData.isInitialized) await offlineData.destroy();
    });

    it('keeps the start it recorded with its write, and another API delivers it once', async () => {
      const outbox = offline.get(InstanceCommandOutbox);
      const id = await offlineData.transaction((em) =>
        outbox.record(em, {
          kind: 'start',
          workflowId: 'approval/outbox-1',
          start: { processId: 'approval', version: 1, businessKey: 'outbox-1', variables: { amount: 3 } },
        }),
      );

      expect(await outbox.deliver([id])).toBe(false);
      const pending = await offlineData.getRepository(InstanceCommandEntity).findOneByOrFail({ id });
      expect(pending).toMatchObject({ state: 'pending', attempts: 1 });
      expect(pending.lastError).toEqual(expect.any(String));

      // The dispatcher of the API that reaches Temporal drains it.
      const delivered = await eventually(
        () => api.dataSource.getRepository(InstanceCommandEntity).findOneByOrFail({ id }),
        (row) => row.state === 'delivered',
        DELIVERY_WAIT_MS,
      );
      expect(delivered.lastError).toBeNull();
      const instance = await api.call(
        'GET',
        `/process-instances/${encodeURIComponent('approval/outbox-1')}`,
        { token },
      );
      expect(instance.body).toMatchObject({ state: 'ACTIVE', variables: { amount: 3 } });

      // A dispatcher that died after Temporal accepted the start, before marking it, delivers it again: same run.
      await api.dataSource.getRepository(InstanceCommandEntity).update({ id }, { state: 'pending' });
      await eventually(
        () => api.dataSource.getRepository(InstanceCommandEntity).findOneByOrFail({ id }),
        (row) => row.state === 'delivered',
        DELIVERY_WAIT_MS,
      );
      expect(await runsOf('approval/outbox-1')).toHaveLength(1);
    });

    it('recording the same command twice keeps one row', async () => {
      const outbox = offline.get(InstanceCommandOutbox);
      const command = {
        kind: 'message' as const,
        workflowId: 'approval/outbox-1',
        message: { name: 'nudge', messageId: 'nudge-1' },
      };
      const first = await offlineData.transaction((em) => outbox.record(em, command));
      const second = await offlineData.transaction((em) => outbox.record(em, command));

      expect(second).toBe(first);
      expect(await offlineData.getRepository(InstanceCommandEntity).countBy({ id: first })).toBe(1);
    });
  });

  describe('message starts with a messageId', () => {
    it('start one instance however often the message is published, and answer the same', async () => {
      const message = { name: 'registration-received', messageId: 'reg-1', variables: { email: 'a@b.c' } };
      const first = await api.call('POST', '/messages', { token, body: message });
      expect(first.status).toBe(200);
      expect(first.body.startedInstanceIds).toEqual(['registration/reg-1']);
      await eventually(
        () => api.call('GET', `/process-instances/${encodeURIComponent('registration/reg-1')}`, { token }),
        (res) => res.body.state === 'COMPLETED',
      );

      const again = await api.call('POST', '/messages', { token, body: message });

      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await runsOf('registration/reg-1')).toHaveLength(1);
    });

    it('with a correlation key, after the first instance ended, still start one', async () => {
      const message = { name: 'registration-received', correlationKey: 'r-7', messageId: 'reg-2' };
      const first = await api.call('POST', '/messages', { token, body: message });
      await eventually(
        () => api.call('GET', `/process-instances/${encodeURIComponent('registration/r-7')}`, { token }),
        (res) => res.body.state === 'COMPLETED',
      );

      const [a, b] = await Promise.all([
        api.call('POST', '/messages', { token, body: message }),
        api.call('POST', '/messages', { token, body: message }),
      ]);

      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body).toEqual(first.body);
      expect(b.body).toEqual(first.body);
      expect(await runsOf('registration/r-7')).toHaveLength(1);
    });

    it('refuse a messageId reused with other content (409)', async () => {
      await api.call('POST', '/messages', {
        token,
        body: { name: 'registration-received', messageId: 'reg-3', variables: { n: 1 } },
      });

      const reused = await api.call('POST', '/messages', {
        token,
        body: { name: 'registration-received', messageId: 'reg-3', variables: { n: 2 } },
      });

      expect(reused.status).toBe(409);
      expect(reused.body).toMatchObject({ code: 'MESSAGE.ID_REUSED' });
    });
  });
});
