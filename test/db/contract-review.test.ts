/**
 * The contract review pack's records on both databases: the contract ledger (create,
 * duplicates, concurrent creates), retention-guarded deletion (CR-11), the outbox delivered
 * exactly once by two dispatchers at once (CR-8/CR-12), the on-time KPI query (CR-10) and the
 * raw queries the activities use.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { createContractReviewActivities } from '../../activities/contract-review';
import {
  OutboxDispatcher,
  writeOutbox,
  type OutboxChannel,
} from '../../activities/contract-review/records/outbox';
import { CreateContractService } from '../../api/contract-review/contracts/create-contract/create-contract.service';
import type { CreateContractRequest } from '../../api/contract-review/contracts/create-contract/create-contract.request.dto';
import { AmendContractService } from '../../api/contract-review/contracts/amend-contract/amend-contract.service';
import type { AmendContractRequest } from '../../api/contract-review/contracts/amend-contract/amend-contract.request.dto';
import { ContractSignalService } from '../../api/contract-review/contracts/contract-signal.service';
import { DeleteContractService } from '../../api/contract-review/contracts/delete-contract.service';
import { ContractQueries } from '../../api/contract-review/contracts/queries/contract-queries.service';
import { KpiController } from '../../api/contract-review/kpi/kpi.controller';
import { PartsController } from '../../api/contract-review/parts/parts.controller';
import { IdempotentRequests } from '../../api/instance-commands/idempotent-requests.service';
import type { InstanceCommandDelivery } from '../../api/instance-commands/instance-command-delivery.service';
import { InstanceCommandOutbox } from '../../api/instance-commands/instance-command-outbox.service';
import type { ProcessDefinitionQueries } from '../../api/process-definitions/process-definition-queries.service';
import { loadConfig } from '../../config/app-config';
import { openDatabase } from '../../persistence/data-source';
import { IdempotentRequestEntity, InstanceCommandEntity } from '../../persistence/entities';
import {
  ActionPlanEntity,
  ContractEntity,
  ContractLineEntity,
  ContractRevisionEntity,
  CsrDocumentEntity,
  CustomerEntity,
  DeliveryEntity,
  FiveDReportEntity,
  LateOrderEntity,
  LateOrderReviewEntity,
  OutboxMessageEntity,
  PartEntity,
} from '../../persistence/entities/contract-review';
import { testDatabases } from '../support/databases';

const SERVICE = { user: 'erp', groups: ['service'] };
const config = loadConfig({ DATA_DIR: '/tmp/unused', PLANT_TIME_ZONE: 'Asia/Shanghai' });
const started: string[] = [];
/** Stands in for Temporal (these tests are about the records): accepts every start, or none while it is down. */
let temporalDown = false;
const fakeTemporal = {
  deliver: async (row: { workflowId: string }) => {
    if (temporalDown) return { delivered: false, rejected: false, error: 'Temporal unavailable' };
    started.push(row.workflowId.replace('contract-review/', ''));
    return { delivered: true };
  },
} as unknown as InstanceCommandDelivery;
const definitions = {
  get: async () => ({ processId: 'contract-review', version: 1, graph: { processId: 'contract-review' } }),
} as unknown as ProcessDefinitionQueries;

const request = (
  contractNo: string,
  lines: [string, number, string][],
  customerId = 'db-cust',
): CreateContractRequest =>
  ({
    contractNo,
    customerId,
    channel: 'edi',
    documentType: 'order',
    annual: false,
    oemSupply: false,
    automotive: false,
    specialRequirements: [],
    delivery: { method: 'DAP', place: 'x', packaging: 'y', transport: 'z' },
    paymentTerms: '60 days',
    lines: lines.map(([partNo, quantity, requestedDate]) => ({
      partNo,
      quantity,
      unitPrice: 1,
      currency: 'CNY',
      requestedDate,
    })),
  }) as CreateContractRequest;

describe.each(testDatabases())('contract review records on %s', (_name, database) => {
  let db: DataSource;
  let contracts: CreateContractService;

  beforeAll(async () => {
    db = await openDatabase(database);
    await clear(db);
    started.length = 0;
    contracts = new CreateContractService(
      db,
      definitions,
      new InstanceCommandOutbox(db, fakeTemporal),
      new IdempotentRequests(),
    );
    const at = new Date().toISOString();
    await db.getRepository(PartEntity).save({
      partNo: 'DB-1',
      description: 'lamp',
      stockQty: 10,
      leadTimeDays: 1,
      dailyCapacity: 10,
      activeUntil: '2027-06-30',
      updatedAt: at,
    });
    await db.getRepository(CustomerEntity).save([
      {
        customerId: 'db-cust',
        name: 'Customer',
        oem: false,
        symbols: [],
        extraRetentionYears: 0,
        updatedAt: at,
      },
      {
        customerId: 'db-other',
        name: 'Other',
        oem: true,
        symbols: [{ symbol: 'S', meaning: 'safety' }],
        extraRetentionYears: 2,
        updatedAt: at,
      },
    ]);
  });
  afterAll(async () => {
    await clear(db);
    await db.destroy();
  });

  it('CR-1: creates the ledger row with its lines and starts the instance; the same request again answers the same, another one under that contractNo is CONTRACT.ALREADY_EXISTS', async () => {
    const created = await contracts.create(
      request('DB-C1', [
        ['DB-1', 5, '2027-01-10'],
        ['NEW-9', 2, '2027-01-20'],
      ]),
      SERVICE,
    );
    expect(created).toEqual({
      contractNo: 'DB-C1',
      instanceId: 'contract-review/DB-C1',
      proposedClass: 'non-regular',
    });
    const row = await db.getRepository(ContractEntity).findOneByOrFail({ contractNo: 'DB-C1' });
    expect(row).toMatchObject({
      status: 'intake',
      revision: 0,
      newProduct: true,
      instanceId: 'contract-review/DB-C1',
      classReasons: ['new part number: NEW-9'],
    });
    expect(
      (
        await db
          .getRepository(ContractLineEntity)
          .find({ where: { contractNo: 'DB-C1' }, order: { lineNo: 'ASC' } })
      ).map((l) => [l.lineNo, l.partNo, l.committedDate]),
    ).toEqual([
      [1, 'DB-1', '2027-01-10'],
      [2, 'NEW-9', '2027-01-20'],
    ]);
    const retried = await contracts.create(
      request('DB-C1', [
        ['DB-1', 5, '2027-01-10'],
        ['NEW-9', 2, '2027-01-20'],
      ]),
      SERVICE,
    );
    expect(retried).toEqual(created);
    expect(started.filter((s) => s === 'DB-C1')).toHaveLength(1);
    expect(await db.getRepository(ContractLineEntity).countBy({ contractNo: 'DB-C1' })).toBe(2);
    await expect(
      contracts.create(request('DB-C1', [['DB-1', 1, '2027-01-10']]), SERVICE),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'CONTRACT.ALREADY_EXISTS' });
  });

  it('CR-1: two creates of one contractNo at once — one wins, the other is CONTRACT.ALREADY_EXISTS (not a database error)', async () => {
    const results = await Promise.allSettled([
      contracts.create(request('DB-RACE', [['DB-1', 1, '2027-01-10']]), SERVICE),
      contracts.create(request('DB-RACE', [['DB-1', 2, '2027-01-10']]), SERVICE),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'CONTRACT.ALREADY_EXISTS',
    });
    expect(await db.getRepository(ContractLineEntity).countBy({ contractNo: 'DB-RACE' })).toBe(1);
    expect(started.filter((s) => s === 'DB-RACE')).toHaveLength(1);
  });

  it('CR-1: while Temporal is down the contract is recorded with its start queued, and the start goes out once Temporal answers', async () => {
    temporalDown = true;
    try {
      const created = await contracts.create(request('DB-NOSTART', [['DB-1', 1, '2027-01-10']]), SERVICE);
      expect(created.instanceId).toBe('contract-review/DB-NOSTART');
    } finally {
      temporalDown = false;
    }
    expect(await db.getRepository(ContractEntity).countBy({ contractNo: 'DB-NOSTART' })).toBe(1);
    expect(started).not.toContain('DB-NOSTART');
    const queued = 'start:contract-review/DB-NOSTART:';
    expect(await db.getRepository(InstanceCommandEntity).findOneByOrFail({ id: queued })).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'Temporal unavailable',
    });

    // What the outbox dispatcher of any API does every second with what is due.
    expect(await new InstanceCommandOutbox(db, fakeTemporal).attempt(queued)).toBe(true);
    expect(started.filter((s) => s === 'DB-NOSTART')).toHaveLength(1);
    expect(await db.getRepository(InstanceCommandEntity).findOneByOrFail({ id: queued })).toMatchObject({
      state: 'delivered',
    });
  });

  it("CR-11: retention stays open while a part has no end of life; setting the part's life recomputes every archived contract's retention", async () => {
    const parts = new PartsController(db);
    const part = { description: 'lamp', stockQty: 10, leadTimeDays: 1, dailyCapacity: 10 };
    await parts.put('DB-LIFE', { ...part });
    await contracts.create(request('DB-OPEN', [['DB-LIFE', 1, '2026-02-10']]), SERVICE);
    await db
      .getRepository(ContractEntity)
      .update({ contractNo: 'DB-OPEN' }, { status: 'completed', archivedAt: '2026-02-20T00:00:00.000Z' });
    const deleter = new DeleteContractService(db, new ContractQueries(db));
    await expect(deleter.delete('DB-OPEN', '2099-01-01')).rejects.toMatchObject({
      code: 'CONTRACT.UNDER_RETENTION',
      message: expect.stringContaining('no end of life'),
      details: { retentionUntil: null },
    });

    // the part's life ends in 2027: kept until 31 December 2028
    await expect(parts.put('DB-LIFE', { ...part, activeUntil: '2027-03-31' })).resolves.toMatchObject({
      retentionChanged: [{ contractNo: 'DB-OPEN', retentionUntil: '2028-12-31' }],
    });
    expect(await db.getRepository(ContractEntity).findOneByOrFail({ contractNo: 'DB-OPEN' })).toMatchObject({
      retentionUntil: '2028-12-31',
    });
    // an unchanged life recomputes nothing; a longer life moves the date
    await expect(parts.put('DB-LIFE', { ...part, activeUntil: '2027-03-31' })).resolves.toMatchObject({
      retentionChanged: [],
    });
    await parts.put('DB-LIFE', { ...part, activeUntil: '2029-01-15' });
    expect(await db.getRepository(ContractEntity).findOneByOrFail({ contractNo: 'DB-OPEN' })).toMatchObject({
      retentionUntil: '2030-12-31',
    });
    await expect(deleter.delete('DB-OPEN', '2030-12-31')).rejects.toMatchObject({
      code: 'CONTRACT.UNDER_RETENTION',
    });
    await deleter.delete('DB-OPEN', '2031-01-01');
    expect(await db.getRepository(ContractEntity).countBy({ contractNo: 'DB-OPEN' })).toBe(0);
  });

  it('CR-9: two amendments of one contract at the same moment: each is a revision of its own, or the second is a 409 (never a 500)', async () => {
    await contracts.create(request('DB-AMEND', [['DB-1', 5, '2027-01-10']]), SERVICE);
    await db.getRepository(ContractEntity).update({ contractNo: 'DB-AMEND' }, { status: 'executing' });
    const amender = new AmendContractService(
      db,
      new ContractQueries(db),
      new ContractSignalService(new InstanceCommandOutbox(db, fakeTemporal)),
    );
    const amend = (paymentTerms: string) =>
      amender.amend(
        'DB-AMEND',
        {
          requestedBy: 'customer',
          changes: { paymentTerms },
          reason: 'customer asked',
        } as AmendContractRequest,
        { user: 'li.na', groups: ['sales'] },
      );
    const results = await Promise.allSettled([amend('30 days'), amend('45 days')]);
    const revisions = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.revision] : []));
    for (const r of results)
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ kind: 'conflict', code: 'CONTRACT.CONCURRENT_AMENDMENT' });
    expect(revisions.length).toBeGreaterThanOrEqual(1);
    expect(
      (await db.getRepository(ContractRevisionEntity).findBy({ contractNo: 'DB-AMEND' }))
        .map((r) => r.revision)
        .sort(),
    ).toEqual([...revisions].sort());
  });

  it('CR-11: a contract is deleted only once archived and past its retention date, with every record of it', async () => {
    await contracts.create(request('DB-RET', [['DB-1', 5, '2026-01-10']]), SERVICE);
    const deleter = new DeleteContractService(db, new ContractQueries(db));
    await expect(deleter.delete('DB-RET', '2026-06-01')).rejects.toMatchObject({
      code: 'CONTRACT.NOT_ARCHIVED',
    });
    await db
      .getRepository(ContractEntity)
      .update(
        { contractNo: 'DB-RET' },
        { status: 'completed', archivedAt: '2026-01-20T00:00:00.000Z', retentionUntil: '2028-06-30' },
      );
    await db.getRepository(ContractRevisionEntity).save({
      id: 'DB-RET/r1',
      contractNo: 'DB-RET',
      revision: 1,
      requestedBy: 'customer',
      changes: { text: 'qty' },
      reason: 'r',
      recordedBy: 'x',
      recordedAt: 'x',
    });
    await db.getRepository(LateOrderEntity).save({
      id: 'lo/DB-RET',
      contractNo: 'DB-RET',
      customerId: 'db-cust',
      lineNos: [1],
      source: 'auto',
      declaredBy: null,
      reason: 'late',
      originalDate: '2026-01-10',
      newDate: null,
      state: 'resolved',
      instanceId: 'lo/DB-RET',
      openedAt: 'x',
      resolvedAt: 'x',
    });
    await db.getRepository(LateOrderReviewEntity).save({
      id: 'lo/DB-RET/r1',
      lateOrderId: 'lo/DB-RET',
      meeting: 'daily',
      reason: 'late',
      newDate: null,
      communication: 'sorry',
      outcome: 'resolved',
      recordedAt: 'x',
    });
    await db.getRepository(FiveDReportEntity).save({
      id: 'lo/DB-RET/5d',
      lateOrderId: 'lo/DB-RET',
      contractNo: 'DB-RET',
      disciplines: {},
      state: 'closed',
      openedAt: 'x',
      closedAt: 'x',
    });

    await expect(deleter.delete('DB-RET', '2028-06-30')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'CONTRACT.UNDER_RETENTION',
      details: { retentionUntil: '2028-06-30' },
    });
    expect(await db.getRepository(ContractEntity).countBy({ contractNo: 'DB-RET' })).toBe(1);
    await deleter.delete('DB-RET', '2028-07-01');
    for (const entity of [
      ContractEntity,
      ContractLineEntity,
      ContractRevisionEntity,
      LateOrderEntity,
      FiveDReportEntity,
    ])
      expect(await db.getRepository(entity).countBy({ contractNo: 'DB-RET' })).toBe(0);
    expect(await db.getRepository(LateOrderReviewEntity).countBy({ lateOrderId: 'lo/DB-RET' })).toBe(0);
  });

  it('CR-8/CR-12.4: two dispatchers at once deliver every outbox message exactly once; a failed delivery is retried later', async () => {
    await db.transaction(async (em) => {
      for (let n = 1; n <= 30; n++)
        await writeOutbox(
          em,
          {
            id: `job/${n}`,
            kind: 'late-order-reply',
            contractNo: 'DB-OUT',
            customerId: 'db-cust',
            recipients: ['customer:db-cust'],
            subject: `reply ${n}`,
            body: 'b',
          },
          `2026-12-01T00:00:${String(n).padStart(2, '0')}.000Z`,
        );
      expect(
        await writeOutbox(
          em,
          { id: 'job/1', kind: 'late-order-reply', recipients: [], subject: 'again', body: '' },
          '2026-12-02T00:00:00.000Z',
        ),
      ).toBe(false);
    });
    const seen: string[] = [];
    const channel = (name: string): OutboxChannel => ({ name, deliver: async (m) => void seen.push(m.id) });
    const [a, b] = await Promise.all([
      new OutboxDispatcher(db, channel('a')).dispatchPending(),
      new OutboxDispatcher(db, channel('b')).dispatchPending(),
    ]);
    expect(a + b).toBe(30);
    expect(seen.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `job/${i + 1}`).sort());
    expect(await new OutboxDispatcher(db, channel('c')).dispatchPending()).toBe(0);
    expect(await db.getRepository(OutboxMessageEntity).countBy({ contractNo: 'DB-OUT', attempts: 1 })).toBe(
      30,
    );

    await db.transaction((em) =>
      writeOutbox(
        em,
        {
          id: 'job/flaky',
          kind: 'negotiation',
          contractNo: 'DB-OUT',
          recipients: ['customer:db-cust'],
          subject: 's',
          body: 'b',
        },
        '2026-12-03T00:00:00.000Z',
      ),
    );
    const down: OutboxChannel = { name: 'smtp', deliver: async () => Promise.reject(new Error('SMTP 421')) };
    expect(await new OutboxDispatcher(db, down).dispatchPending()).toBe(0);
    expect(await db.getRepository(OutboxMessageEntity).findOneByOrFail({ id: 'job/flaky' })).toMatchObject({
      deliveredAt: null,
      claimedAt: null,
      attempts: 1,
      lastError: 'SMTP 421',
    });
    expect(await new OutboxDispatcher(db, channel('smtp')).dispatchPending()).toBe(1);
    expect(await db.getRepository(OutboxMessageEntity).findOneByOrFail({ id: 'job/flaky' })).toMatchObject({
      channel: 'smtp',
      attempts: 2,
      lastError: null,
    });
  });

  it('CR-10: the on-time KPI per month and week, per customer, and the monthly activity opening the action plan', async () => {
    const at = '2026-11-01T00:00:00.000Z';
    const contract = (contractNo: string, customerId: string, status: ContractEntity['status']) =>
      ({
        contractNo,
        customerId,
        channel: 'edi',
        documentType: 'order',
        annual: false,
        oemSupply: false,
        automotive: false,
        newProduct: false,
        specialRequirements: [],
        delivery: { method: 'a', place: 'b', packaging: 'c', transport: 'd' },
        paymentTerms: 'p',
        proposedClass: 'regular',
        classReasons: [],
        contractClass: 'regular',
        classOverrideReason: null,
        reviewers: [],
        reviewMode: null,
        specialCharacteristics: [],
        telephoneMemo: null,
        milestones: {},
        status,
        revision: 0,
        instanceId: null,
        receiptInstanceId: null,
        executionInstanceId: null,
        createdBy: 't',
        createdAt: at,
        updatedAt: at,
        archivedAt: null,
        retentionUntil: null,
      }) as ContractEntity;
    await db
      .getRepository(ContractEntity)
      .save([
        contract('KPI-A', 'db-cust', 'completed'),
        contract('KPI-B', 'db-other', 'executing'),
        contract('KPI-X', 'db-cust', 'in-review'),
      ]);
    const line = (contractNo: string, lineNo: number, committedDate: string) => ({
      id: `${contractNo}/${lineNo}`,
      contractNo,
      lineNo,
      partNo: 'DB-1',
      quantity: 10,
      unitPrice: 1,
      currency: 'CNY',
      requestedDate: committedDate,
      committedDate,
      deliveredQty: 0,
      lateRaisedAt: null,
    });
    await db
      .getRepository(ContractLineEntity)
      .save([
        line('KPI-A', 1, '2027-03-02'),
        line('KPI-A', 2, '2027-03-09'),
        line('KPI-B', 1, '2027-03-10'),
        line('KPI-B', 2, '2027-03-31'),
        line('KPI-X', 1, '2027-03-05'),
      ]);
    const delivery = (contractNo: string, lineNo: number, deliveredAt: string) => ({
      id: `${contractNo}/d${lineNo}`,
      contractNo,
      customerId: 'x',
      lineNo,
      partNo: 'DB-1',
      quantity: 10,
      deliveredAt,
      committedDate: 'x',
      onTime: true,
      recordedBy: 'x',
      recordedAt: 'x',
    });
    // On time in the plant's calendar: 2027-03-09T15:30Z is 23:30 on the 9th in Shanghai; 16:30Z is already the 10th.
    await db
      .getRepository(DeliveryEntity)
      .save([
        delivery('KPI-A', 1, '2027-03-01T02:00:00.000Z'),
        delivery('KPI-A', 2, '2027-03-09T15:30:00.000Z'),
        delivery('KPI-B', 1, '2027-03-10T16:30:00.000Z'),
      ]);

    const kpi = new KpiController(db, config);
    expect((await kpi.onTime({ from: '2027-03-01', to: '2027-03-31', groupBy: 'month' })).periods).toEqual([
      { period: '2027-03', due: 4, onTime: 2, rate: 0.5, targetMet: false },
    ]);
    expect(
      (await kpi.onTime({ from: '2027-03-01', to: '2027-03-31', groupBy: 'month', customerId: 'db-cust' }))
        .periods,
    ).toEqual([{ period: '2027-03', due: 2, onTime: 2, rate: 1, targetMet: true }]);
    expect(
      (await kpi.onTime({ from: '2027-03-01', to: '2027-03-31', groupBy: 'week' })).periods.map((p) => [
        p.period,
        p.due,
        p.onTime,
      ]),
    ).toEqual([
      ['2027-W09', 1, 1],
      ['2027-W10', 2, 1],
      ['2027-W13', 1, 0],
    ]);

    const acts = createContractReviewActivities({ dataSource: db, config });
    const env = new MockActivityEnvironment({
      currentAttemptScheduledTimestampMs: Date.parse('2027-04-01T00:00:00Z'),
    } as never);
    const job = {
      jobKey: 'k',
      instanceId: 'on-time-delivery-review/2027-03',
      processId: 'on-time-delivery-review',
      version: 1,
      businessKey: '2027-03',
      elementId: 'Task_ComputeRate',
      elementInstanceKey: '1',
      taskType: 'kpi-compute-on-time-delivery',
      retries: 3,
      headers: {},
      variables: {},
    };
    expect(await env.run(acts['kpi-compute-on-time-delivery'], job)).toEqual({
      kpi: { period: '2027-03', due: 4, onTime: 2, rate: 0.5, ratePercent: 50, targetPercent: 95 },
      targetMissed: true,
      actionPlanId: 'on-time-delivery/2027-03',
    });
    await env.run(acts['kpi-compute-on-time-delivery'], job);
    expect(await db.getRepository(ActionPlanEntity).findBy({ period: '2027-03' })).toEqual([
      expect.objectContaining({ rate: 0.5, target: 0.95, state: 'open' }),
    ]);
  });

  it('CSR-5: lists each customer with CSR documents once', async () => {
    const doc = (documentId: string, customerId: string) => ({
      documentId,
      customerId,
      title: 't',
      version: 'A',
      kind: 'email',
      receivedAt: 'x',
      receivedBy: 'x',
      transmittedAt: null,
      escalatedAt: null,
      reviewedAt: null,
      changeNotes: null,
      instanceId: null,
    });
    await db
      .getRepository(CsrDocumentEntity)
      .save([doc('D1', 'db-other'), doc('D2', 'db-cust'), doc('D3', 'db-other')]);
    const acts = createContractReviewActivities({ dataSource: db, config });
    expect(await new MockActivityEnvironment().run(acts['csr-list-customers'], {} as never)).toEqual({
      customerIds: ['db-cust', 'db-other'],
    });
  });
});

async function clear(db: DataSource): Promise<void> {
  for (const entity of [
    InstanceCommandEntity,
    IdempotentRequestEntity,
    ActionPlanEntity,
    OutboxMessageEntity,
    FiveDReportEntity,
    LateOrderReviewEntity,
    LateOrderEntity,
    DeliveryEntity,
    ContractRevisionEntity,
    ContractLineEntity,
    ContractEntity,
    CsrDocumentEntity,
    CustomerEntity,
    PartEntity,
  ]) {
    await db.getRepository(entity).clear();
  }
}
