/** Activities against a real (SQLite) database, run in Temporal's MockActivityEnvironment. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { createContractReviewActivities } from '../../../activities/contract-review';
import { OutboxDispatcher, type OutboxChannel } from '../../../activities/contract-review/records/outbox';
import { openDatabase } from '../../../persistence/data-source';
import {
  ContractEntity,
  ContractLineEntity,
  CustomerEntity,
  OutboxMessageEntity,
  PartEntity,
  ReviewEntity,
} from '../../../persistence/entities/contract-review';
import type { JobInput } from '../../../workflows/activity-contract';

let db: DataSource;
let acts: ReturnType<typeof createContractReviewActivities>;
const NOW = Date.parse('2026-12-01T02:00:00Z'); // 10:00 in Asia/Shanghai
const env = () => new MockActivityEnvironment({ currentAttemptScheduledTimestampMs: NOW } as never);
const job = (
  taskType: string,
  variables: Record<string, unknown>,
  extra: Partial<JobInput> = {},
): JobInput => ({
  jobKey: `contract-review/C-1/${taskType}/1`,
  instanceId: 'contract-review/C-1',
  processId: 'contract-review',
  version: 1,
  businessKey: 'C-1',
  elementId: taskType,
  elementInstanceKey: '1',
  taskType,
  retries: 3,
  headers: {},
  variables,
  ...extra,
});
const run = (taskType: string, variables: Record<string, unknown>, extra?: Partial<JobInput>) =>
  env().run(acts[taskType], job(taskType, variables, extra));

async function contract(
  contractNo: string,
  status: ContractEntity['status'],
  lines: [string, number, string, number?][],
) {
  const at = '2026-11-30T00:00:00.000Z';
  await db.getRepository(ContractEntity).save({
    contractNo,
    customerId: 'chrysler',
    channel: 'edi',
    documentType: 'order',
    annual: false,
    oemSupply: false,
    automotive: false,
    newProduct: false,
    specialRequirements: [],
    delivery: { method: 'DAP', place: 'x', packaging: 'y', transport: 'z' },
    paymentTerms: '60d',
    proposedClass: 'regular',
    classReasons: [],
    contractClass: null,
    classOverrideReason: null,
    reviewers: [],
    reviewMode: null,
    specialCharacteristics: [],
    telephoneMemo: null,
    milestones: {},
    status,
    revision: 0,
    instanceId: null,
    createdBy: 't',
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
    retentionUntil: null,
  });
  await db.getRepository(ContractLineEntity).save(
    lines.map(([partNo, quantity, date, delivered], i) => ({
      id: `${contractNo}/${i + 1}`,
      contractNo,
      lineNo: i + 1,
      partNo,
      quantity,
      unitPrice: 1,
      currency: 'CNY',
      requestedDate: date,
      committedDate: date,
      deliveredQty: delivered ?? 0,
      lateRaisedAt: null,
    })),
  );
}

beforeAll(async () => {
  db = await openDatabase({
    kind: 'sqlite',
    file: join(mkdtempSync(join(tmpdir(), 'cr-acts-')), 'app.sqlite'),
  });
  acts = createContractReviewActivities({ dataSource: db, config: { plantTimeZone: 'Asia/Shanghai' } });
  await db.getRepository(PartEntity).save({
    partNo: 'HL-1',
    description: 'lamp',
    stockQty: 1000,
    leadTimeDays: 5,
    dailyCapacity: 100,
    activeUntil: '2030-06-30',
    updatedAt: 'x',
  });
  await db.getRepository(CustomerEntity).save({
    customerId: 'chrysler',
    name: 'Chrysler',
    oem: true,
    symbols: [
      { symbol: 'S', meaning: 'safety' },
      { symbol: 'D', meaning: 'key' },
    ],
    extraRetentionYears: 0,
    updatedAt: 'x',
  });
  await contract('OTHER', 'executing', [['HL-1', 1300, '2026-12-20']]);
});
afterAll(() => db.destroy());

it('CR-2: a class override without a reason is a BPMN error the diagram catches', async () => {
  await contract('C-1', 'intake', [['HL-1', 500, '2026-12-14']]);
  const error = (await run('cr-record-classification', {
    contractNo: 'C-1',
    proposedClass: 'regular',
    contractClass: 'non-regular',
    reviewers: ['rnd'],
    reviewMode: 'cross',
  }).catch((e: unknown) => e)) as ApplicationFailure & { details: { errorCode: string }[] };
  expect(error).toBeInstanceOf(ApplicationFailure);
  expect(error).toMatchObject({ type: 'BpmnError', nonRetryable: true });
  expect(error.details[0]).toMatchObject({ errorCode: 'CLASSIFICATION_INCOMPLETE' });
  await expect(
    run('cr-record-classification', {
      contractNo: 'C-1',
      proposedClass: 'regular',
      contractClass: 'regular',
    }),
  ).resolves.toEqual({ classificationProblem: null });
  expect((await db.getRepository(ContractEntity).findOneByOrFail({ contractNo: 'C-1' })).contractClass).toBe(
    'regular',
  );
});

it('CR-4: the availability check counts the load committed to other executing contracts', async () => {
  // stock 1000, committed 1300 → backlog 300; 500 more take 5 + ceil(800/100) = 13 days from 2026-12-01
  const { availability } = (await run('cr-check-availability', { contractNo: 'C-1' })) as {
    availability: { feasible: boolean; inStock: boolean; lines: { earliestDate: string }[] };
  };
  expect(availability).toMatchObject({ inStock: false, feasible: true });
  expect(availability.lines[0].earliestDate).toBe('2026-12-14');
});

it('CR-6: a department review with a missing checklist item is refused, a complete one recorded once', async () => {
  const review = { department: 'finance', verdict: 'accept', b: 'accept' };
  await expect(
    run('cr-record-review', { contractNo: 'C-1', department: 'finance', review }),
  ).rejects.toMatchObject({ type: 'BpmnError' });
  await run('cr-record-review', {
    contractNo: 'C-1',
    department: 'finance',
    review: { ...review, i: 'accept' },
  });
  await run('cr-record-review', {
    contractNo: 'C-1',
    department: 'finance',
    review: { ...review, i: 'accept' },
  }); // retried
  expect(await db.getRepository(ReviewEntity).countBy({ contractNo: 'C-1' })).toBe(1);
});

it('CR-8: the stamped contract goes to the outbox once per job, and is delivered exactly once', async () => {
  await run('cr-stamp-and-send', { contractNo: 'C-1' });
  await run('cr-stamp-and-send', { contractNo: 'C-1' });
  const messages = await db
    .getRepository(OutboxMessageEntity)
    .findBy({ contractNo: 'C-1', kind: 'stamped-contract' });
  expect(messages).toHaveLength(1);
  const delivered: string[] = [];
  const channel: OutboxChannel = { name: 'test', deliver: async (m) => void delivered.push(m.id) };
  const [a, b] = [new OutboxDispatcher(db, channel), new OutboxDispatcher(db, channel)];
  await Promise.all([a.dispatchPending(), b.dispatchPending()]);
  await a.dispatchPending();
  expect(delivered.filter((id) => id === messages[0].id)).toHaveLength(1);
});

it('CR-12.1: the due-date timer raises each overdue line once', async () => {
  await contract('C-2', 'executing', [
    ['HL-1', 10, '2026-11-28'],
    ['HL-1', 10, '2026-12-20'],
  ]);
  const first = (await run('cr-raise-late-order', { contractNo: 'C-2' })) as Record<string, unknown>;
  expect(first).toMatchObject({
    lateOrderRaised: true,
    lateOrder: { lineNos: [1], source: 'auto' },
    nextDueDate: '2026-12-21T00:00:00',
    allDelivered: false,
  });
  expect(await run('cr-raise-late-order', { contractNo: 'C-2' })).toMatchObject({ lateOrderRaised: false });
});

it('CR-11: archiving sets the retention date from the parts master: 31 December of the year after the life ends, kept by R&D by class', async () => {
  await expect(run('cr-archive-contract', { contractNo: 'C-1' })).resolves.toEqual({
    retentionUntil: '2031-12-31',
  });
  const contract = await db.getRepository(ContractEntity).findOneByOrFail({ contractNo: 'C-1' });
  expect(contract).toMatchObject({ status: 'completed', retentionUntil: '2031-12-31' });
  expect(contract.milestones).toMatchObject({
    archived: { retentionUntil: '2031-12-31', retentionOpen: false, keptBy: 'rnd' },
  });
});

it('CR-7/CSR-4: a symbol outside the customer set is sent back to R&D', async () => {
  await expect(
    run('cr-record-special-characteristics', {
      contractNo: 'C-1',
      specialCharacteristics: [{ characteristic: 'beam angle', symbol: 'CC' }],
    }),
  ).resolves.toMatchObject({ symbolProblem: expect.stringMatching(/beam angle 'CC'/) });
  await expect(
    run('cr-record-special-characteristics', {
      contractNo: 'C-1',
      specialCharacteristics: [{ characteristic: 'beam angle', symbol: 'S' }],
    }),
  ).resolves.toEqual({ symbolProblem: null });
});

it('CR-12.2: the daily re-review records the reply and tells the customer and sales', async () => {
  const lateOrder = {
    contractNo: 'C-2',
    customerId: 'chrysler',
    lineNos: [1],
    source: 'auto',
    reason: 'late',
    originalDate: '2026-11-28',
  };
  const lo = { instanceId: 'late-order/C-2-1', processId: 'late-order' };
  await run('lo-open-late-order', { lateOrder }, { ...lo, jobKey: 'lo/1' });
  await run(
    'lo-record-daily-review',
    { reason: 'mould repair', newDate: '2026-12-05', customerReply: 'ships 5 Dec', dailyOutcome: 'continue' },
    { ...lo, jobKey: 'lo/2' },
  );
  const sent = await db.getRepository(OutboxMessageEntity).findBy({ contractNo: 'C-2' });
  expect(sent.map((m) => m.kind).sort()).toEqual(['late-order-notice', 'late-order-reply']);
  expect(sent[0].recipients).toEqual(['customer:chrysler', 'group:sales']);
});
