/**
 * CR-1 telephone orders over HTTP: sales writes the memo in the task inbox, the customer is
 * asked to confirm it, and sales records the customer's confirmation on the contract
 * (POST /api/contracts/:contractNo/confirmation): it is kept as a milestone and the review
 * goes on (real Temporal dev server, SQLite, the engine worker).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const DIAGRAMS = join(__dirname, '..', '..', 'diagrams', 'contract-review');
const enc = encodeURIComponent;

describe('telephone order: memo and customer confirmation (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  let sales: string;
  let pmc: string;
  const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const order = (contractNo: string, channel: string) => ({
    contractNo,
    customerId: 'tel-cust',
    channel,
    documentType: 'order',
    annual: false,
    oemSupply: false,
    automotive: false,
    specialRequirements: [],
    lines: [{ partNo: 'TEL-P1', quantity: 10, unitPrice: 3.5, currency: 'CNY', requestedDate: due }],
    delivery: { method: 'EXW', place: 'plant', packaging: 'carton', transport: 'customer pickup' },
    paymentTerms: '30 days',
  });
  // The contract's tasks are in the stages its instance calls (`<instanceId>/Call_…/…`).
  type OpenTask = { taskId: string; instanceId: string; elementId: string };
  const openTask = async (instanceId: string, elementId: string): Promise<OpenTask> => {
    const mine = (items: OpenTask[]) =>
      items.find(
        (t) =>
          (t.instanceId === instanceId || t.instanceId.startsWith(`${instanceId}/`)) &&
          t.elementId === elementId,
      );
    const res = await eventually(
      () => api.call('GET', `/tasks?state=open&limit=200`, { token: sales }),
      (r) => r.status === 200 && !!mine(r.body.items),
    );
    return mine(res.body.items)!;
  };
  const confirm = (contractNo: string, token: string, body: object) =>
    api.call('POST', `/contracts/${enc(contractNo)}/confirmation`, { token, body });

  beforeAll(async () => {
    api = await startApiHarness();
    const owner = await api.token('wang.fang', ['process-owner']);
    const erp = await api.token('erp', ['service']);
    sales = await api.token('li.na', ['sales']);
    pmc = await api.token('zhou.pmc', ['pmc']);
    for (const file of readdirSync(DIAGRAMS).filter((f) => f.endsWith('.form')))
      await api.call('POST', '/forms', {
        token: owner,
        body: JSON.parse(readFileSync(join(DIAGRAMS, file), 'utf8')),
      });
    for (const file of readdirSync(DIAGRAMS).filter((f) => f.endsWith('.bpmn')))
      expect(
        (
          await api.call('POST', '/process-definitions', {
            token: owner,
            body: readFileSync(join(DIAGRAMS, file), 'utf8'),
            contentType: 'application/xml',
          })
        ).status,
      ).toBe(201);
    await api.call('PUT', '/parts/TEL-P1', {
      token: erp,
      body: {
        description: 'Bulb',
        stockQty: 1000,
        leadTimeDays: 2,
        dailyCapacity: 500,
        activeUntil: '2030-12-31',
      },
    });
    await api.call('PUT', '/customers/tel-cust', {
      token: erp,
      body: { name: 'Tel Customer', oem: false, symbols: [] },
    });
  });
  afterAll(() => api?.close());

  it('records the confirmation of a memo for sales only, once, and the review goes on', async () => {
    const created = await api.call('POST', '/contracts', { token: sales, body: order('TEL-1', 'phone') });
    expect(created.status).toBe(201);
    const instanceId: string = created.body.instanceId;
    // Before the memo asks for it, nothing awaits a confirmation.
    expect(await confirm('TEL-1', sales, { confirmedBy: 'Mr. Chen', channel: 'phone' })).toMatchObject({
      status: 409,
      body: { code: 'CONTRACT.NO_CONFIRMATION_AWAITED' },
    });
    const memo = await openTask(instanceId, 'Task_TelephoneMemo');
    const completed = await api.call('POST', `/tasks/${enc(memo.taskId)}/complete`, {
      token: sales,
      body: {
        variables: {
          memoText: '10 bulbs TEL-P1, delivery in 30 days',
          customerContact: 'Mr. Chen',
          callDate: new Date().toISOString(),
          confirmationRequired: true,
        },
      },
    });
    expect(completed.status).toBe(200);
    // The receipt stage (cr-receipt, called by the contract's instance) waits for the confirmation.
    expect(memo.instanceId.startsWith(`${instanceId}/`)).toBe(true);
    await eventually(
      () => api.call('GET', `/process-instances/${enc(memo.instanceId)}`, { token: sales }),
      (res) => res.body.activeElements?.includes('Task_AwaitConfirmation'),
    );

    expect(await confirm('TEL-1', pmc, { confirmedBy: 'Mr. Chen', channel: 'email' })).toMatchObject({
      status: 403,
      body: { statusCode: 403 },
    });
    expect(await confirm('TEL-1', sales, { confirmedBy: '', channel: 'pigeon' })).toMatchObject({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request' },
    });
    const ok = await confirm('TEL-1', sales, {
      confirmedBy: 'Mr. Chen',
      channel: 'email',
      note: 'by e-mail',
    });
    expect(ok).toMatchObject({
      status: 201,
      body: {
        contractNo: 'TEL-1',
        confirmation: { confirmedBy: 'Mr. Chen', channel: 'email', recordedBy: 'li.na' },
      },
    });
    // The instance leaves the receive task: the class is confirmed next.
    await openTask(instanceId, 'Task_ConfirmClass');
    const detail = await api.call('GET', '/contracts/TEL-1', { token: pmc });
    expect(detail.body.milestones.customerConfirmation).toMatchObject({
      confirmedBy: 'Mr. Chen',
      note: 'by e-mail',
    });
    expect(detail.body.telephoneMemo).toMatchObject({
      customerContact: 'Mr. Chen',
      confirmationRequired: true,
    });
    expect(await confirm('TEL-1', sales, { confirmedBy: 'Mr. Chen', channel: 'email' })).toMatchObject({
      status: 409,
      body: { code: 'CONTRACT.ALREADY_CONFIRMED' },
    });
    const outbox = await api.call('GET', '/outbox?contractNo=TEL-1', { token: sales });
    expect(outbox.body.items.map((m: { kind: string }) => m.kind)).toContain('confirmation-request');
  });

  it('refuses a confirmation for a contract that came as a document', async () => {
    expect(
      (await api.call('POST', '/contracts', { token: sales, body: order('DOC-1', 'document') })).status,
    ).toBe(201);
    expect(await confirm('DOC-1', sales, { confirmedBy: 'x', channel: 'phone' })).toMatchObject({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', code: 'CONTRACT.NO_CONFIRMATION_AWAITED' },
    });
    expect(await confirm('NO-SUCH', sales, { confirmedBy: 'x', channel: 'phone' })).toMatchObject({
      status: 404,
    });
  });
});
