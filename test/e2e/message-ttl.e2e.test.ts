/**
 * Message publish with a time to live, as Zeebe's: over HTTP against a real Temporal dev
 * server. A message nobody waits for is buffered and correlated to the subscription that opens
 * later (once per process), `messageId` deduplicates, and without a TTL it is a 404 as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'e2e', name), 'utf8');
const enc = encodeURIComponent;

describe('message time to live (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let service: string;

  beforeAll(async () => {
    api = await startApiHarness();
    service = await api.token('erp-bridge', ['service', 'process-owner']);
    const xml = fixture('Confirmation.message-catch.bpmn');
    expect((await api.call('POST', '/process-definitions', { token: service, body: { xml } })).status).toBe(
      201,
    );
  });
  afterAll(() => api?.close());

  const publish = (body: object) => api.call('POST', '/messages', { token: service, body });
  const start = async (businessKey: string, contractNo: string) => {
    const res = await api.call('POST', '/process-instances', {
      token: service,
      body: { processId: 'confirmation', businessKey, variables: { contractNo } },
    });
    expect(res.status).toBe(201);
    return res.body.instanceId as string;
  };
  const instance = async (id: string) =>
    (await api.call('GET', `/process-instances/${enc(id)}`, { token: service })).body;

  it('refuses a negative or oversized time to live (400) and keeps the 404 without one', async () => {
    expect((await publish({ name: 'customer-confirmed', correlationKey: 'x', timeToLive: -1 })).status).toBe(
      400,
    );
    expect(
      (await publish({ name: 'customer-confirmed', correlationKey: 'x', timeToLive: 1e12 })).status,
    ).toBe(400);
    expect(await publish({ name: 'customer-confirmed', correlationKey: 'nobody' })).toMatchObject({
      status: 404,
      body: { code: 'MESSAGE.NO_SUBSCRIBER' },
    });
  });

  it('buffers a message nobody waits for and correlates it to the instance that subscribes later, once per process', async () => {
    const message = {
      name: 'customer-confirmed',
      correlationKey: 'C-77',
      variables: { confirmedBy: 'chrysler' },
      messageId: 'confirm-C-77',
      timeToLive: 120_000,
    };
    const first = await publish(message);
    expect(first).toMatchObject({
      status: 200,
      body: { instanceIds: [], startedInstanceIds: [], buffered: true },
    });
    // The same messageId and content: the same answer, nothing buffered twice.
    expect(await publish(message)).toMatchObject({ status: 200, body: first.body });

    const waiting = await start('ttl-1', 'C-77');
    expect(
      await eventually(
        () => instance(waiting),
        (i) => i.state === 'COMPLETED',
        20_000,
      ),
    ).toMatchObject({
      variables: { contractNo: 'C-77', confirmedBy: 'chrysler' },
    });
    // Zeebe's cardinality: a buffered message reaches one instance per process.
    const second = await start('ttl-2', 'C-77');
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await instance(second)).toMatchObject({ state: 'ACTIVE', activeElements: ['confirmed'] });
    // Another key is not touched by it.
    expect(await instance(await start('ttl-3', 'C-78'))).toMatchObject({ state: 'ACTIVE' });
  });

  it('an expired message is gone: a later subscription does not get it', async () => {
    expect(
      (
        await publish({
          name: 'customer-confirmed',
          correlationKey: 'C-90',
          timeToLive: 1,
          messageId: 'short',
        })
      ).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500));
    const late = await start('ttl-4', 'C-90');
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await instance(late)).toMatchObject({ state: 'ACTIVE', activeElements: ['confirmed'] });
  });
});
