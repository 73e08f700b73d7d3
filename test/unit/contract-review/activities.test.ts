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
  LateOrderEntity,
  LateOrderReviewEntity,
  OutboxMessageEntity,
  PartEntity,
  PlantCalendarDayEntity,
  ReviewEntity,
} from '../../../persistence/entities/contract-review';
import { UserTaskEntity } from '../../../persistence/entities';
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

describe('CR-12 as written: daily review until delivered, also while escalated; the weekly meeting decides, never closes', () => {
  const lo = { instanceId: 'late-order/C-3-1', processId: 'late-order' };
  const at = (iso: string) =>
    new MockActivityEnvironment({ currentAttemptScheduledTimestampMs: Date.parse(iso) } as never);
  const runAt = (iso: string, taskType: string, variables: Record<string, unknown>, jobKey: string) =>
    at(iso).run(acts[taskType], job(taskType, variables, { ...lo, jobKey }));
  /** The user task the record stands for, as the engine closes it with the completing token's user. */
  const taskDone = (elementId: string, n: number, user: string, completedAt: string) =>
    db.getRepository(UserTaskEntity).save({
      taskId: `${lo.instanceId}/r/${elementId}/${n}`,
      instanceId: lo.instanceId,
      processId: 'late-order',
      version: 1,
      elementId,
      name: null,
      candidateGroups: ['pmc'],
      candidateUsers: [],
      assignee: null,
      formId: null,
      state: 'completed',
      createdAt: completedAt,
      dueDate: null,
      followUpDate: null,
      completedAt,
      completedBy: user,
      variables: {} as never,
    });
  const review = (outcome: string, newDate: string) => ({
    reason: 'mould repair',
    newDate,
    customerReply: `ships ${newDate}`,
    dailyOutcome: outcome,
    attendees: ['procurement', 'production', 'merchandiser', 'warehouse'],
    reviewedBy: 'typed name is ignored',
  });

  it('meets on plant working days, records who reviewed from the task, escalates once, and is late again when the promised date passes', async () => {
    await contract('C-3', 'executing', [['HL-1', 10, '2026-11-27']]);
    const lateOrder = {
      contractNo: 'C-3',
      customerId: 'chrysler',
      lineNos: [1],
      source: 'auto',
      reason: 'late',
      originalDate: '2026-11-27',
    };
    // Friday 27 November 2026, 10:00 plant time: the next daily meeting is Monday 09:00.
    expect(await runAt('2026-11-27T02:00:00Z', 'lo-open-late-order', { lateOrder }, 'lo/open')).toMatchObject(
      {
        lateOrderOpen: true,
        nextDailyMeetingAt: '2026-11-30T09:00:00',
      },
    );
    // A plant holiday the admin entered on Tuesday 1 December moves Monday's next meeting to Wednesday.
    await db
      .getRepository(PlantCalendarDayEntity)
      .save({ date: '2026-12-01', kind: 'holiday', name: '厂休', updatedBy: 'root', updatedAt: 'x' });
    await taskDone('Task_DailyReview', 1, 'zhou.pmc', '2026-11-30T01:10:00.000Z');
    const first = await runAt(
      '2026-11-30T01:10:00Z',
      'lo-record-daily-review',
      review('escalate', '2026-12-02'),
      'lo/d1',
    );
    expect(first).toMatchObject({
      lateOrderOpen: true,
      escalateNow: true,
      lateAgain: false,
      nextDailyMeetingAt: '2026-12-02T09:00:00',
    });
    expect(await runAt('2026-11-30T01:11:00Z', 'lo-escalate-to-weekly', {}, 'lo/esc')).toMatchObject({
      escalated: true,
      nextWeeklyMeetingAt: '2026-12-07T09:00:00',
    });
    // Wednesday: still escalated, still reviewed daily; asking to escalate again does not open a second weekly path.
    // The date promised on Monday (2 December) has not passed yet on the 2nd.
    await taskDone('Task_DailyReview', 2, 'qian.pmc', '2026-12-02T01:20:00.000Z');
    expect(
      await runAt(
        '2026-12-02T01:20:00Z',
        'lo-record-daily-review',
        review('escalate', '2026-12-04'),
        'lo/d2',
      ),
    ).toMatchObject({ lateOrderOpen: true, escalateNow: false, lateAgain: false });
    // Saturday 5 December passes the date promised for the 4th: late again.
    await taskDone('Task_DailyReview', 3, 'zhou.pmc', '2026-12-07T01:05:00.000Z');
    expect(
      await runAt(
        '2026-12-07T01:05:00Z',
        'lo-record-daily-review',
        review('continue', '2026-12-09'),
        'lo/d3',
      ),
    ).toMatchObject({ lateOrderOpen: true, lateAgain: true, nextDailyMeetingAt: '2026-12-08T09:00:00' });
    const row = await db.getRepository(LateOrderEntity).findOneByOrFail({ id: lo.instanceId });
    expect(row).toMatchObject({ state: 'escalated', timesLate: 2, newDate: '2026-12-09' });
    const reviews = await db
      .getRepository(LateOrderReviewEntity)
      .find({ where: { lateOrderId: lo.instanceId }, order: { recordedAt: 'ASC' } });
    expect(reviews.map((r) => [r.reviewedBy, r.reviewedAt])).toEqual([
      ['zhou.pmc', '2026-11-30T01:10:00.000Z'],
      ['qian.pmc', '2026-12-02T01:20:00.000Z'],
      ['zhou.pmc', '2026-12-07T01:05:00.000Z'],
    ]);
    expect(reviews[0].attendees).toEqual(['procurement', 'production', 'merchandiser', 'warehouse']);
    // Each review tells the customer and sales the reason and the new date.
    const replies = await db
      .getRepository(OutboxMessageEntity)
      .findBy({ contractNo: 'C-3', kind: 'late-order-reply' });
    expect(replies).toHaveLength(3);
    for (const m of replies) {
      expect(m.recipients).toEqual(['customer:chrysler', 'group:sales']);
      expect(m.body).toMatch(/原因 Reason: mould repair/);
      expect(m.body).toMatch(/新交期 New delivery date: 2026-12-\d\d/);
    }
    expect(replies.find((m) => m.id === 'lo/d3')!.body).toMatch(/Late again/);
  });

  it('the weekly meeting decides (keep escalated or not) without closing; delivery closes it at the next daily review', async () => {
    await taskDone('Task_WeeklyDecision', 1, 'sun.vp', '2026-12-07T01:30:00.000Z');
    const keep = {
      decision: 'supplier on allocation',
      decisionMeasures: 'daily call',
      weeklyDecision: 'keep-escalated',
      fiveDRequired: false,
    };
    expect(await runAt('2026-12-07T01:30:00Z', 'lo-record-weekly-decision', keep, 'lo/w1')).toMatchObject({
      keepEscalated: true,
      weeklyDecision: 'keep-escalated',
      nextWeeklyMeetingAt: '2026-12-14T09:00:00',
    });
    await taskDone('Task_WeeklyDecision', 2, 'sun.vp', '2026-12-14T01:30:00.000Z');
    const expedite = { ...keep, weeklyDecision: 'expedite', decidedNewDate: '2026-12-16' };
    expect(await runAt('2026-12-14T01:30:00Z', 'lo-record-weekly-decision', expedite, 'lo/w2')).toMatchObject(
      { keepEscalated: false },
    );
    expect(await db.getRepository(LateOrderEntity).findOneByOrFail({ id: lo.instanceId })).toMatchObject({
      state: 'open',
      lastDecision: 'expedite',
      newDate: '2026-12-16',
      resolvedAt: null,
    });
    await expect(
      runAt(
        '2026-12-14T01:31:00Z',
        'lo-record-weekly-decision',
        { ...keep, weeklyDecision: 'close' },
        'lo/w3',
      ),
    ).rejects.toThrow(/not one of/);
    // Delivered in full: the next daily review closes the late order, whatever PMC chose.
    await db.getRepository(ContractLineEntity).update({ id: 'C-3/1' }, { deliveredQty: 10 });
    await taskDone('Task_DailyReview', 4, 'zhou.pmc', '2026-12-15T01:05:00.000Z');
    expect(
      await runAt(
        '2026-12-15T01:05:00Z',
        'lo-record-daily-review',
        review('continue', '2026-12-15'),
        'lo/d4',
      ),
    ).toMatchObject({ lateOrderOpen: false, resolution: 'delivered' });
    await runAt('2026-12-15T01:06:00Z', 'lo-close-late-order', {}, 'lo/close');
    expect(await db.getRepository(LateOrderEntity).findOneByOrFail({ id: lo.instanceId })).toMatchObject({
      state: 'resolved',
      resolution: 'delivered',
    });
  });
});
