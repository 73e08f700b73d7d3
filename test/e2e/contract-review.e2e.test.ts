/**
 * One contract through the HTTP API only, as a backend service and the users would drive it,
 * against a real Temporal dev server, SQLite and the engine worker: the process owner deploys
 * the pack's forms and diagrams, the ERP bridge feeds parts and customers and posts the
 * contract, users complete their tasks through /api/tasks (form data validated, candidate
 * groups enforced), the warehouse posts the delivery, and the records, the KPI, the outbox
 * and retention are read back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const DIAGRAMS = join(__dirname, '..', '..', 'diagrams', 'contract-review');
const enc = encodeURIComponent;

describe('contract review over HTTP (e2e, Temporal dev server)', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who];

  beforeAll(async () => {
    api = await startApiHarness();
    const people: [string, string[]][] = [
      ['wang.fang', ['process-owner']],
      ['erp', ['service']],
      ['li.na', ['sales']],
      ['zhao.rnd', ['rnd']],
      ['zhou.pmc', ['pmc']],
      ['wang.gm', ['gm']],
      ['wms', ['warehouse']],
      ['root', ['admin']],
    ];
    for (const [user, groups] of people) tokens[user] = await api.token(user, groups);
  });
  afterAll(() => api?.close());

  // The contract's tasks are in the stages its instance calls (`<instanceId>/Call_…/…`).
  const ofContract = (instanceId: string) => (t: { instanceId: string; elementId: string }) =>
    t.instanceId === instanceId || t.instanceId.startsWith(`${instanceId}/`);
  const openTask = async (instanceId: string, elementId: string) => {
    const mine = (res: { body: { items: { instanceId: string; elementId: string }[] } }) =>
      res.body.items.filter(ofContract(instanceId)).find((t) => t.elementId === elementId);
    const page = await eventually(
      () => api.call('GET', `/tasks?state=open&limit=200`, { token: as('wang.fang') }),
      (res) => res.status === 200 && !!mine(res),
    );
    return mine(page) as unknown as {
      taskId: string;
      candidateGroups: string[];
      formId?: string;
    };
  };
  const complete = (taskId: string, who: string, variables: object) =>
    api.call('POST', `/tasks/${enc(taskId)}/complete`, { token: as(who), body: { variables } });

  it('deploys the pack, then an annual OEM supply contract goes from intake to archive; sales may not sign it, the GM does', async () => {
    for (const file of readdirSync(DIAGRAMS)
      .filter((f) => f.endsWith('.form'))
      .sort()) {
      const res = await api.call('POST', '/forms', {
        token: as('wang.fang'),
        body: JSON.parse(readFileSync(join(DIAGRAMS, file), 'utf8')),
      });
      expect([file, res.status]).toEqual([file, 201]);
    }
    for (const file of readdirSync(DIAGRAMS)
      .filter((f) => f.endsWith('.bpmn'))
      .sort()) {
      const res = await api.call('POST', '/process-definitions', {
        token: as('wang.fang'),
        body: readFileSync(join(DIAGRAMS, file), 'utf8'),
        contentType: 'application/xml',
      });
      expect([file, res.status, res.body.warnings]).toEqual([file, 201, []]);
    }

    expect(
      (
        await api.call('PUT', '/parts/HL-E2E', {
          token: as('erp'),
          body: {
            description: 'Headlamp LH',
            stockQty: 5000,
            leadTimeDays: 5,
            dailyCapacity: 300,
            activeUntil: '2031-06-30',
          },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.call('PUT', '/customers/e2e-oem', {
          token: as('erp'),
          body: { name: 'E2E Motors', oem: true, symbols: [{ symbol: 'S', meaning: 'safety' }] },
        })
      ).status,
    ).toBe(200);

    const due = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
    const contract = {
      contractNo: 'E2E-ANNUAL-1',
      customerId: 'e2e-oem',
      channel: 'edi',
      documentType: 'contract',
      annual: true,
      oemSupply: true,
      automotive: false,
      specialRequirements: [],
      lines: [{ partNo: 'HL-E2E', quantity: 1200, unitPrice: 11.8, currency: 'CNY', requestedDate: due }],
      delivery: {
        method: 'DAP',
        place: 'E2E Motors plant',
        packaging: 'returnable crates',
        transport: 'truck',
      },
      paymentTerms: '90 days',
    };
    const created = await api.call('POST', '/contracts', { token: as('erp'), body: contract });
    expect(created).toMatchObject({
      status: 201,
      body: {
        contractNo: 'E2E-ANNUAL-1',
        instanceId: 'contract-review/E2E-ANNUAL-1',
        proposedClass: 'non-regular',
      },
    });
    // The same request again (a retry) answers the same; another one under this number is a conflict.
    expect(await api.call('POST', '/contracts', { token: as('erp'), body: contract })).toEqual(created);
    expect(
      await api.call('POST', '/contracts', {
        token: as('erp'),
        body: { ...contract, paymentTerms: '30 days' },
      }),
    ).toMatchObject({
      status: 409,
      body: { code: 'CONTRACT.ALREADY_EXISTS' },
    });
    const instanceId: string = created.body.instanceId;

    const classify = await openTask(instanceId, 'Task_ConfirmClass');
    expect(classify.formId).toBe('cr-classification');
    expect(await complete(classify.taskId, 'li.na', {})).toMatchObject({
      status: 400,
      body: { code: 'TASK.FORM_INVALID' },
    });
    // CR-7.5 bypass closed: sales cannot set annual=false while confirming the class, so the
    // annual OEM contract still goes to the GM (sales is refused at Task_SignAnnual below).
    expect(
      await complete(classify.taskId, 'li.na', {
        contractClass: 'non-regular',
        reviewers: ['sales', 'pmc'],
        reviewMode: 'meeting',
        annual: false,
        oemSupply: false,
      }),
    ).toMatchObject({
      status: 400,
      body: { code: 'TASK.VARIABLE_NOT_ALLOWED', details: { notAllowed: ['annual', 'oemSupply'] } },
    });
    expect(
      (
        await complete(classify.taskId, 'li.na', {
          contractClass: 'non-regular',
          reviewers: ['sales', 'pmc'],
          reviewMode: 'meeting',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await complete((await openTask(instanceId, 'Task_MarkSpecialCharacteristics')).taskId, 'zhao.rnd', {
          specialCharacteristicsNotes: 'no special characteristics on this part',
        })
      ).status,
    ).toBe(200);
    const items = Object.fromEntries('abcdefghi'.split('').map((k) => [k, 'accept']));
    expect(
      (
        await complete((await openTask(instanceId, 'Task_MeetingReview')).taskId, 'zhou.pmc', {
          verdict_sales: 'accept',
          verdict_pmc: 'accept',
          ...items,
          minutes: 'annual volumes and call-offs agreed',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await complete((await openTask(instanceId, 'Task_AgreePriceTerms')).taskId, 'li.na', {
          agreedPriceTerms: '11.80 CNY, -2 % per year',
          agreedPaymentTerms: '90 days',
        })
      ).status,
    ).toBe(200);

    const sign = await openTask(instanceId, 'Task_SignAnnual');
    expect(sign.candidateGroups).toEqual(['gm', 'evp']);
    const signature = { signatory: 'Wang Wei (总经理)', signedOn: new Date().toISOString() };
    expect(await complete(sign.taskId, 'li.na', signature)).toMatchObject({
      status: 403,
      body: { code: 'TASK.NOT_CANDIDATE' },
    });
    expect((await complete(sign.taskId, 'wang.gm', signature)).status).toBe(200);

    await eventually(
      () => api.call('GET', `/contracts/${enc('E2E-ANNUAL-1')}`, { token: as('erp') }),
      (res) => res.body.status === 'executing',
    );
    const delivered = await api.call('POST', `/contracts/${enc('E2E-ANNUAL-1')}/deliveries`, {
      token: as('wms'),
      body: { partNo: 'HL-E2E', quantity: 1200, deliveredAt: new Date().toISOString() },
    });
    expect(delivered).toMatchObject({ status: 201, body: { onTime: true, lineNo: 1 } });

    const detail = (
      await eventually(
        () => api.call('GET', `/contracts/${enc('E2E-ANNUAL-1')}`, { token: as('erp') }),
        (res) => res.body.status === 'completed',
      )
    ).body;
    expect(detail).toMatchObject({
      class: 'non-regular',
      reviewMode: 'meeting',
      revision: 0,
      retentionUntil: '2032-12-31',
      instanceId,
      lines: [expect.objectContaining({ deliveredQty: 1200 })],
      deliveries: [expect.objectContaining({ onTime: true })],
    });
    expect(
      detail.reviews
        .map((r: { department: string; verdict: string; checklist: object }) => [
          r.department,
          r.verdict,
          r.checklist,
        ])
        .sort(),
    ).toEqual([
      ['pmc', 'accept', items],
      ['sales', 'accept', items],
    ]);
    expect(detail.milestones.signature).toMatchObject({
      signatory: 'Wang Wei (总经理)',
      priceTerms: '11.80 CNY, -2 % per year',
    });

    const kpi = await api.call('GET', `/kpi/on-time-delivery?from=${due}&to=${due}&customerId=e2e-oem`, {
      token: as('li.na'),
    });
    expect(kpi).toMatchObject({
      status: 200,
      body: {
        target: 0.95,
        periods: [{ period: due.slice(0, 7), due: 1, onTime: 1, rate: 1, targetMet: true }],
      },
    });

    const outbox = await eventually(
      () => api.call('GET', `/outbox?contractNo=${enc('E2E-ANNUAL-1')}`, { token: as('li.na') }),
      (res) => res.body.items?.[0]?.deliveredAt != null,
      15_000,
    );
    expect(outbox.body.items).toEqual([
      expect.objectContaining({
        kind: 'stamped-contract',
        recipients: ['customer:e2e-oem'],
        channel: 'recorded',
      }),
    ]);

    expect(
      await api.call('DELETE', `/contracts/${enc('E2E-ANNUAL-1')}`, { token: as('root') }),
    ).toMatchObject({
      status: 409,
      body: { code: 'CONTRACT.UNDER_RETENTION', details: { retentionUntil: '2032-12-31' } },
    });
    const trace = (await api.call('GET', `/process-instances/${enc(instanceId)}`, { token: as('wang.fang') }))
      .body;
    expect(trace).toMatchObject({ state: 'COMPLETED' });
  });
});
