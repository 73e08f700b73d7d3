/**
 * Nothing is lost between the database and Temporal (issue 12 §3), over HTTP with three API
 * processes' worth of apps on one database: the harness's (with the engine worker), a second
 * one on the same Temporal, and one whose Temporal cannot be reached. A contract recorded by
 * the unreachable one gets its instance; a delivery posted there reaches the instance; retries
 * answer the same; two partial deliveries at once on two APIs both count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { createApp } from '../../api/create-app';
import { openDatabase } from '../../persistence/data-source';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const DIAGRAMS = join(__dirname, '..', '..', 'diagrams', 'contract-review');
const enc = encodeURIComponent;

interface SecondApi {
  app: INestApplication;
  dataSource: DataSource;
  call: ApiHarness['call'];
}

async function secondApi(api: ApiHarness, temporal: Client): Promise<SecondApi> {
  const dataSource = await openDatabase(api.config.database);
  const app = await createApp({ config: api.config, temporal, dataSource });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api`;
  const call: ApiHarness['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return { app, dataSource, call };
}

describe('contract writes reach their instance (outbox), and retries answer the same', () => {
  let api: ApiHarness;
  let offline: SecondApi;
  let other: SecondApi;
  const tokens: Record<string, string> = {};
  const due = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
  const contract = (contractNo: string, quantity = 100) => ({
    contractNo,
    customerId: 'dur-cust',
    channel: 'edi',
    documentType: 'order',
    annual: false,
    oemSupply: false,
    automotive: false,
    specialRequirements: [],
    lines: [{ partNo: 'HL-DUR', quantity, unitPrice: 2, currency: 'CNY', requestedDate: due }],
    delivery: { method: 'DAP', place: 'plant', packaging: 'crates', transport: 'truck' },
    paymentTerms: '60 days',
  });

  beforeAll(async () => {
    api = await startApiHarness();
    for (const [user, groups] of [
      ['wang.fang', ['process-owner']],
      ['erp', ['service']],
      ['li.na', ['sales']],
      ['wms', ['warehouse']],
    ] as [string, string[]][])
      tokens[user] = await api.token(user, groups);
    for (const file of readdirSync(DIAGRAMS).filter((f) => f.endsWith('.form'))) {
      const body = readFileSync(join(DIAGRAMS, file), 'utf8');
      if (file.endsWith('.form'))
        expect(
          (await api.call('POST', '/forms', { token: tokens['wang.fang'], body: JSON.parse(body) })).status,
        ).toBe(201);
    }
    for (const file of readdirSync(DIAGRAMS).filter((f) => f.endsWith('.bpmn')))
      expect(
        (
          await api.call('POST', '/process-definitions', {
            token: tokens['wang.fang'],
            body: { xml: readFileSync(join(DIAGRAMS, file), 'utf8') },
          })
        ).status,
      ).toBe(201);
    const part = {
      description: 'lamp',
      stockQty: 1e5,
      leadTimeDays: 2,
      dailyCapacity: 1e4,
      activeUntil: '2031-06-30',
    };
    expect((await api.call('PUT', '/parts/HL-DUR', { token: tokens.erp, body: part })).status).toBe(200);
    const customer = { name: 'Durable Co', oem: false, symbols: [] };
    expect((await api.call('PUT', '/customers/dur-cust', { token: tokens.erp, body: customer })).status).toBe(
      200,
    );
    const unreachable = new Client({
      connection: Connection.lazy({ address: '127.0.0.1:9', connectTimeout: 500 }),
    });
    offline = await secondApi(api, unreachable);
    other = await secondApi(api, api.env.client);
  });
  afterAll(async () => {
    for (const second of [offline, other]) {
      await second?.app.close();
      if (second?.dataSource.isInitialized) await second.dataSource.destroy();
    }
    await api?.close();
  });

  const instanceOf = (contractNo: string) =>
    api.call('GET', `/process-instances/${enc(`contract-review/${contractNo}`)}`, {
      token: tokens['wang.fang'],
    });
  // The contract's tasks are in the stages its instance calls (`contract-review/<no>/Call_…/…`).
  const openTask = async (contractNo: string, elementId: string) => {
    const instanceId = `contract-review/${contractNo}`;
    const mine = (items: { taskId: string; instanceId: string; elementId: string }[]) =>
      items.find(
        (t) =>
          (t.instanceId === instanceId || t.instanceId.startsWith(`${instanceId}/`)) &&
          t.elementId === elementId,
      );
    const res = await eventually(
      () => api.call('GET', `/tasks?state=open&limit=200`, { token: tokens['wang.fang'] }),
      (r) => !!r.body.items && !!mine(r.body.items),
    );
    return mine(res.body.items)!.taskId;
  };
  const toExecution = async (contractNo: string) => {
    const complete = async (elementId: string, variables: object) =>
      expect(
        (
          await api.call('POST', `/tasks/${enc(await openTask(contractNo, elementId))}/complete`, {
            token: tokens['li.na'],
            body: { variables },
          })
        ).status,
      ).toBe(200);
    await complete('Task_ConfirmClass', { contractClass: 'regular' });
    await complete('Task_SignContract', { signatory: 'Li Na', signedOn: new Date().toISOString() });
    await eventually(
      () => api.call('GET', `/contracts/${enc(contractNo)}`, { token: tokens.erp }),
      (res) => res.body.status === 'executing',
    );
  };

  it('a contract recorded while Temporal cannot be reached gets its instance; the same request again answers the same', async () => {
    const created = await offline.call('POST', '/contracts', { token: tokens.erp, body: contract('DUR-1') });
    expect(created).toEqual({
      status: 201,
      body: { contractNo: 'DUR-1', instanceId: 'contract-review/DUR-1', proposedClass: 'regular' },
    });
    expect(await offline.call('POST', '/contracts', { token: tokens.erp, body: contract('DUR-1') })).toEqual(
      created,
    );

    // The harness's outbox dispatcher delivers the start the offline API could not.
    await eventually(instanceOf.bind(null, 'DUR-1'), (res) => res.body.state === 'ACTIVE');
    expect(
      await api.call('POST', '/contracts', { token: tokens.erp, body: contract('DUR-1') }),
    ).toMatchObject(created);
    expect(
      await api.call('POST', '/contracts', { token: tokens.erp, body: contract('DUR-1', 7) }),
    ).toMatchObject({
      status: 409,
      body: { code: 'CONTRACT.ALREADY_EXISTS' },
    });
  });

  it('a delivery posted while Temporal is down is recorded once and reaches the instance; its retry answers the same', async () => {
    expect(
      (await api.call('POST', '/contracts', { token: tokens.erp, body: contract('DUR-2') })).status,
    ).toBe(201);
    await toExecution('DUR-2');
    const delivery = {
      deliveryNoteNo: 'DN-2',
      partNo: 'HL-DUR',
      quantity: 100,
      deliveredAt: new Date().toISOString(),
    };

    const first = await offline.call('POST', `/contracts/DUR-2/deliveries`, {
      token: tokens.wms,
      body: delivery,
    });
    expect(first).toMatchObject({ status: 201, body: { id: 'DUR-2/DN-2', quantity: 100 } });
    const retried = await offline.call('POST', `/contracts/DUR-2/deliveries`, {
      token: tokens.wms,
      body: delivery,
    });
    expect(retried).toEqual(first);

    const done = await eventually(
      () => api.call('GET', `/contracts/DUR-2`, { token: tokens.erp }),
      (res) => res.body.status === 'completed',
    );
    expect(done.body.deliveries).toHaveLength(1);
    expect(done.body.lines[0].deliveredQty).toBe(100);
  });

  it('two partial deliveries at once on two APIs both count, with ids from their delivery notes', async () => {
    expect(
      (await api.call('POST', '/contracts', { token: tokens.erp, body: contract('DUR-3') })).status,
    ).toBe(201);
    await toExecution('DUR-3');
    const at = new Date().toISOString();

    const [a, b] = await Promise.all([
      api.call('POST', `/contracts/DUR-3/deliveries`, {
        token: tokens.wms,
        body: { deliveryNoteNo: 'DN-A', partNo: 'HL-DUR', quantity: 40, deliveredAt: at },
      }),
      other.call('POST', `/contracts/DUR-3/deliveries`, {
        token: tokens.wms,
        body: { deliveryNoteNo: 'DN-B', partNo: 'HL-DUR', quantity: 50, deliveredAt: at },
      }),
    ]);

    expect([a.status, a.body.id, b.status, b.body.id]).toEqual([201, 'DUR-3/DN-A', 201, 'DUR-3/DN-B']);
    const over = await api.call('POST', `/contracts/DUR-3/deliveries`, {
      token: tokens.wms,
      body: { deliveryNoteNo: 'DN-C', partNo: 'HL-DUR', quantity: 11, deliveredAt: at },
    });
    expect(over).toMatchObject({ status: 400, body: { code: 'DELIVERY.OVER_QUANTITY' } });
    const rest = await other.call('POST', `/contracts/DUR-3/deliveries`, {
      token: tokens.wms,
      body: { deliveryNoteNo: 'DN-D', partNo: 'HL-DUR', quantity: 10, deliveredAt: at },
    });
    expect(rest.status).toBe(201);
    const done = await eventually(
      () => api.call('GET', `/contracts/DUR-3`, { token: tokens.erp }),
      (res) => res.body.status === 'completed',
    );
    expect(done.body.lines[0].deliveredQty).toBe(100);
    expect(done.body.deliveries.map((d: { id: string }) => d.id).sort()).toEqual([
      'DUR-3/DN-A',
      'DUR-3/DN-B',
      'DUR-3/DN-D',
    ]);
  });
});
