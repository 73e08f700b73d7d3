/**
 * CR-9, CR-10, CR-12 on the time-skipping server: an amendment of an executing contract
 * (re-review, four acknowledged change notices), and a late order raised by the committed
 * date passing — re-reviewed on three working days, escalated to the Monday production-sales
 * meeting, a 5D report — with the customer told each time.
 */
import type { Principal } from '../../../api/auth/principal';
import {
  ChangeNoticeEntity,
  ContractRevisionEntity,
  FiveDReportEntity,
  LateOrderEntity,
  LateOrderReviewEntity,
} from '../../../persistence/entities/contract-review';
import { timelineQuery } from '../../../workflows/protocol';
import { waitFor } from '../support/wait';
import { DAY, HOUR, PackEnv, plantDateOf, plantDay, plantInstant } from './support/pack-env';

jest.setTimeout(240_000);
const t = new PackEnv();
beforeAll(async () => {
  await t.setUp();
  await t.seedMasterData();
});
afterAll(() => t.tearDown());

const SALES = ['sales'];

async function signRegular(instanceId: string, today: string) {
  await t.completeOpen(instanceId, 'Task_ConfirmClass', 'li.na', SALES, { contractClass: 'regular' });
  await t.completeOpen(instanceId, 'Task_SignContract', 'li.na', SALES, {
    signatory: 'Li Na',
    signedOn: today,
  });
  await t.waitAt(instanceId, 'Gateway_ExecutionEvents');
}

it('CR-9: an amendment sends the executing contract back to review; PMC, R&D, production and procurement acknowledge the change notice', async () => {
  const today = plantDateOf(await t.skipToPlant(2, 10));
  const { instanceId } = await t.createContract({
    contractNo: 'A-1',
    lines: [
      {
        partNo: 'HL-100',
        quantity: 300,
        unitPrice: 12.5,
        currency: 'CNY',
        requestedDate: plantDay(today, 20),
      },
    ],
  });
  await signRegular(instanceId, today);

  const { revision } = await t.amendments.amend(
    'A-1',
    {
      requestedBy: 'customer',
      changes: { lines: [{ lineNo: 1, quantity: 450, requestedDate: plantDay(today, 25) }] },
      reason: 'customer forecast raised',
    },
    { user: 'li.na', groups: SALES },
  );
  expect(revision).toBe(1);
  // The full re-review: class confirmed again, stock checked again, signed again.
  const confirm = await t.openTask(instanceId, 'Task_ConfirmClass', (task) => task.variables?.revision === 1);
  await t.complete(confirm, 'li.na', SALES, { contractClass: 'regular' });
  await t.completeOpen(instanceId, 'Task_SignContract', 'li.na', SALES, {
    signatory: 'Li Na',
    signedOn: today,
  });

  const acks = await t.openTasks(instanceId, 'Task_AcknowledgeChangeNotice', 4);
  expect(acks.map((a) => a.candidateGroups[0]).sort()).toEqual(['pmc', 'procurement', 'production', 'rnd']);
  for (const ack of acks)
    await t.complete(ack, `${ack.candidateGroups[0]}.lead`, ack.candidateGroups, {
      acknowledged: true,
      acknowledgementNotes: `${ack.candidateGroups[0]} replanned`,
    });
  await t.waitAt(instanceId, 'Gateway_ExecutionEvents');
  await t.deliveries.record(
    'A-1',
    { partNo: 'HL-100', quantity: 450, deliveredAt: new Date(await t.now()).toISOString() },
    { user: 'wms', groups: ['service'] },
  );
  expect(await t.result(instanceId)).toMatchObject({ state: 'COMPLETED' });

  const trace = await t.trace(instanceId);
  const amendAt = trace.indexOf('Catch_Amendment');
  // The execution stage ends for the revision (合同的修订), and the revised contract is reviewed again from its class.
  expect(trace.slice(amendAt, amendAt + 14)).toEqual([
    'Catch_Amendment',
    'End_Amended',
    'Call_Execution',
    'Gateway_ExecutionOutcome',
    'Gateway_Amend',
    'Start_Revision',
    'Task_RecordAmendment',
    'End_Revised',
    'Call_Revision',
    'Gateway_ReviewAgain',
    'Start_Receipt',
    'Gateway_Reentry',
    'Gateway_Classify',
    'Task_ConfirmClass',
  ]);
  expect(trace.filter((e) => e === 'Task_CheckAvailability')).toHaveLength(2);
  expect(trace.filter((e) => e === 'Task_RecordAcknowledgement')).toHaveLength(4);
  expect(trace.filter((e) => e === 'Task_StampAndSend')).toHaveLength(2);

  const detail = await t.queries.detail('A-1');
  expect(detail).toMatchObject({
    revision: 1,
    status: 'completed',
    lines: [
      expect.objectContaining({ quantity: 450, deliveredQty: 450, committedDate: plantDay(today, 25) }),
    ],
  });
  expect(detail.revisions).toEqual([
    expect.objectContaining({ revision: 1, requestedBy: 'customer', reason: 'customer forecast raised' }),
  ]);
  const notices = await t.db
    .getRepository(ChangeNoticeEntity)
    .find({ where: { contractNo: 'A-1' }, order: { department: 'ASC' } });
  expect(notices.map((n) => [n.department, n.revision, !!n.acknowledgedAt, n.acknowledgementNotes])).toEqual([
    ['pmc', 1, true, 'pmc replanned'],
    ['procurement', 1, true, 'procurement replanned'],
    ['production', 1, true, 'production replanned'],
    ['rnd', 1, true, 'rnd replanned'],
  ]);
  expect(notices[0].summary).toMatch(/customer forecast raised/);
  // Who did it: each acknowledgement names the user who completed that department's task.
  expect(notices.map((n) => n.acknowledgedBy)).toEqual([
    'pmc.lead',
    'procurement.lead',
    'production.lead',
    'rnd.lead',
  ]);
  expect(await t.db.getRepository(ContractRevisionEntity).countBy({ contractNo: 'A-1' })).toBe(1);
  expect((await t.outbox('A-1')).map((m) => m.subject)).toEqual([
    'Contract A-1 rev. 0 (stamped 合同专用章)',
    'Contract A-1 rev. 1 (stamped 合同专用章)',
  ]);
});

it('CR-12: the committed date passes → late order re-reviewed Thu, Fri, Mon at 09:00 plant time, escalated to the next Monday meeting and still reviewed daily, 5D report, closed when delivered, customer told each time', async () => {
  const monday = await t.skipToPlant(1, 10);
  const today = plantDateOf(monday);
  const wednesday = plantDay(today, 2);
  const { instanceId } = await t.createContract({
    contractNo: 'L-1',
    lines: [{ partNo: 'HL-100', quantity: 800, unitPrice: 12.5, currency: 'CNY', requestedDate: wednesday }],
  });
  await signRegular(instanceId, today);

  // Nothing is delivered by Wednesday: at Thursday 00:00 the due-date timer raises the late order.
  const lateOrder = await waitFor(
    async () => {
      await t.env.sleep(6 * HOUR);
      return (await t.db.getRepository(LateOrderEntity).findOneBy({ contractNo: 'L-1' })) ?? undefined;
    },
    'late order raised',
    60_000,
  );
  expect(lateOrder).toMatchObject({ source: 'auto', lineNos: [1], originalDate: wednesday, state: 'open' });
  const child = lateOrder.instanceId!;

  // Thu, Fri, Mon: PMC's daily meeting; on Monday PMC cannot solve it and escalates. Tuesday: still
  // reviewed daily while it waits for the weekly meeting.
  const reviewDays = [plantDay(today, 3), plantDay(today, 4), plantDay(today, 7), plantDay(today, 8)];
  const outcomes = ['continue', 'continue', 'escalate', 'continue'];
  const dailyReview = async (day: string) => {
    await t.env.sleep(Math.max(0, plantInstant(day, 9) + HOUR - (await t.now())));
    return t.openTask(
      child,
      'Task_DailyReview',
      (task) => task.createdAt >= new Date(plantInstant(day, 9)).toISOString(),
    );
  };
  for (const [n, day] of reviewDays.entries()) {
    const review = await dailyReview(day);
    expect(review.candidateGroups).toEqual(['pmc']);
    await t.complete(review, 'zhou.pmc', ['pmc'], {
      reason: `LED board shortage (day ${n + 1})`,
      newDate: plantDay(day, 5),
      customerReply: `We will ship on ${plantDay(day, 5)}`,
      dailyOutcome: outcomes[n],
      attendees: ['procurement', 'production', 'merchandiser', 'warehouse'],
    });
  }
  expect(await t.db.getRepository(LateOrderEntity).findOneByOrFail({ id: child })).toMatchObject({
    state: 'escalated',
  });
  // Wednesday's review opens at 09:00 and waits for PMC (not answered before the Monday meeting).
  const wednesdayReview = await dailyReview(plantDay(today, 9));

  const nextMonday = plantDay(today, 14);
  await t.env.sleep(plantInstant(nextMonday, 9) + HOUR - (await t.now()));
  const decision = await t.openTask(child, 'Task_WeeklyDecision');
  expect(decision.candidateGroups).toEqual(['mfg-vp']);
  await t.complete(decision, 'ma.vp', ['mfg-vp'], {
    weeklyDecision: 'expedite',
    decision: 'Overtime on line 3, air freight',
    decisionMeasures: 'second LED supplier',
    decidedNewDate: plantDay(nextMonday, 3),
    fiveDRequired: true,
  });
  const fiveD = await t.openTask(child, 'Task_Work5D');
  await t.complete(fiveD, 'gao.qa', ['quality'], {
    d1Problem: 'LED boards late',
    d2Containment: 'air freight',
  });
  const fiveDAgain = await t.openTask(child, 'Task_Work5D', (task) => task.taskId !== fiveD.taskId);
  await t.complete(fiveDAgain, 'gao.qa', ['quality'], {
    d1Problem: 'LED boards late',
    d2Containment: 'air freight',
    d3RootCause: 'single source',
    d4CorrectiveAction: 'second source qualified',
    d5Verification: 'two lots on time',
    fiveDClosed: true,
  });
  // The meeting decided (expedite) and took it off its agenda; it did not close the late order:
  // the daily review is still open.
  await waitFor(
    async () =>
      (await t.db.getRepository(LateOrderEntity).findOneByOrFail({ id: child })).state === 'open' ||
      undefined,
    'off the weekly agenda',
  );
  expect((await t.snapshot(child)).openTasks.map((task) => task.taskId)).toEqual([wednesdayReview.taskId]);

  // Delivered late; the next daily review closes the late order (a terminate end: nothing waits on).
  await t.deliveries.record(
    'L-1',
    { partNo: 'HL-100', quantity: 800, deliveredAt: new Date(await t.now()).toISOString() },
    { user: 'wms', groups: ['service'] },
  );
  await t.complete(wednesdayReview, 'zhou.pmc', ['pmc'], {
    reason: 'LED boards arrived by air',
    newDate: nextMonday,
    customerReply: 'Shipped today',
    dailyOutcome: 'continue',
    attendees: ['procurement', 'production', 'merchandiser', 'warehouse'],
  });
  expect(await t.result(child)).toMatchObject({ state: 'COMPLETED' });

  // Timer firings, in the plant's time zone.
  const timeline = await t.env.client.workflow.getHandle(child).query(timelineQuery);
  const fired = timeline
    .filter((e) => e.event === 'timer-fired')
    .map((e) => [
      e.elementId,
      new Date(Date.parse(String(e.detail?.fireAt)) + 8 * HOUR).toISOString().slice(0, 16),
    ]);
  expect(fired).toEqual([
    ...reviewDays.map((day) => ['Catch_DailyMeeting', `${day}T09:00`]),
    ['Catch_DailyMeeting', `${plantDay(today, 9)}T09:00`],
    ['Catch_WeeklyMeeting', `${nextMonday}T09:00`],
  ]);
  const daily = [
    'Gateway_DailyLoop',
    'Catch_DailyMeeting',
    'Task_DailyReview',
    'Task_RecordDailyReview',
    'Gateway_DailyOutcome',
  ];
  const trace = await t.trace(child);
  expect(trace.slice(0, 2 + 3 * daily.length)).toEqual([
    'Start_LateOrder',
    'Task_OpenLateOrder',
    ...daily,
    ...daily,
    ...daily,
  ]);
  // After the escalation the weekly branch and the daily loop run side by side.
  const weekly = [
    'Task_EscalateToWeekly',
    'Gateway_WeeklyLoop',
    'Catch_WeeklyMeeting',
    'Task_WeeklyDecision',
    'Task_RecordWeeklyDecision',
    'Gateway_Needs5D',
    'Task_Open5D',
    'Gateway_5DLoop',
    'Task_Work5D',
    'Task_Record5D',
    'Gateway_5DClosed',
    'Gateway_5DLoop',
    'Task_Work5D',
    'Task_Record5D',
    'Gateway_5DClosed',
    'Gateway_DecisionDone',
    'Gateway_KeepEscalated',
    'End_DecisionTaken',
  ];
  const rest = trace.slice(2 + 3 * daily.length);
  expect(rest.filter((e) => weekly.includes(e))).toEqual(weekly);
  expect(rest.filter((e) => !weekly.includes(e))).toEqual([
    ...daily, // Tuesday
    ...daily, // Wednesday's, answered after the delivery
    'Task_CloseLateOrder',
    'End_LateOrder',
  ]);

  const row = await t.db.getRepository(LateOrderEntity).findOneByOrFail({ id: child });
  expect(row).toMatchObject({ state: 'resolved', resolution: 'delivered', newDate: nextMonday });
  const history = await t.db
    .getRepository(LateOrderReviewEntity)
    .find({ where: { lateOrderId: child }, order: { recordedAt: 'ASC' } });
  expect(history.map((h) => [h.meeting, h.outcome, h.newDate])).toEqual([
    ['daily', 'continue', plantDay(reviewDays[0], 5)],
    ['daily', 'continue', plantDay(reviewDays[1], 5)],
    ['daily', 'escalate', plantDay(reviewDays[2], 5)],
    ['daily', 'continue', plantDay(reviewDays[3], 5)],
    ['weekly', 'expedite', plantDay(nextMonday, 3)],
    ['daily', 'delivered', nextMonday],
  ]);
  // Who did it: each entry carries the user who completed the meeting's task, from the token.
  expect(history.map((h) => h.reviewedBy)).toEqual([
    'zhou.pmc',
    'zhou.pmc',
    'zhou.pmc',
    'zhou.pmc',
    'ma.vp',
    'zhou.pmc',
  ]);
  expect(history.every((h) => !!h.reviewedAt)).toBe(true);
  expect(await t.db.getRepository(FiveDReportEntity).findOneByOrFail({ lateOrderId: child })).toMatchObject({
    state: 'closed',
    disciplines: expect.objectContaining({ d3RootCause: 'single source' }),
  });

  // CR-12.2/12.4: the customer and sales hear of every step, each exactly once.
  const messages = await t.outbox('L-1');
  expect(messages.map((m) => m.kind)).toEqual([
    'stamped-contract',
    'late-order-notice',
    'late-order-reply',
    'late-order-reply',
    'late-order-reply',
    'late-order-reply',
    'meeting-decision',
    'late-order-reply',
    'late-order-closed',
  ]);
  for (const m of messages.slice(1)) expect(m.recipients).toEqual(['customer:lumen', 'group:sales']);
  expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);

  // Late, the contract completes and its delivery counts as not on time.
  expect(await t.result(instanceId)).toMatchObject({ state: 'COMPLETED' });
  const detail = await t.queries.detail('L-1');
  expect(detail.deliveries).toEqual([expect.objectContaining({ onTime: false })]);
  expect(detail.lateOrders).toEqual([
    expect.objectContaining({
      state: 'resolved',
      reviews: expect.arrayContaining([expect.objectContaining({ meeting: 'weekly' })]),
    }),
  ]);
  expect(await t.trace(instanceId)).toEqual(
    expect.arrayContaining([
      'Catch_DueDatePassed',
      'Task_RaiseLateOrder',
      'Throw_LateOrder',
      'Start_LateOrderRaised',
      'Call_LateOrder',
      'End_LateOrderClosed',
      'Task_Archive',
    ]),
  );
  expect(DAY).toBe(24 * HOUR);
});

it('CR-10: deliveries posted back to back (one shipment, several lines) each reach the contract; it archives the same day', async () => {
  const today = plantDateOf(await t.now());
  const due = plantDay(today, 20);
  const { instanceId } = await t.createContract({
    contractNo: 'D-2',
    lines: [
      { partNo: 'HL-100', quantity: 10, unitPrice: 12.5, currency: 'CNY', requestedDate: due },
      { partNo: 'TL-200', quantity: 20, unitPrice: 30, currency: 'CNY', requestedDate: due },
      { partNo: 'HL-100', quantity: 5, unitPrice: 12.5, currency: 'CNY', requestedDate: due },
    ],
  });
  await signRegular(instanceId, today);
  const deliveredAt = new Date(await t.now()).toISOString();
  const wms = { user: 'wms', groups: ['service'] };
  await t.deliveries.record('D-2', { partNo: 'HL-100', lineNo: 1, quantity: 10, deliveredAt }, wms);
  await t.deliveries.record('D-2', { partNo: 'TL-200', quantity: 20, deliveredAt }, wms);
  await t.deliveries.record('D-2', { partNo: 'HL-100', lineNo: 3, quantity: 5, deliveredAt }, wms);
  await waitFor(
    async () => (await t.queries.entity('D-2')).status === 'completed',
    'D-2 archived without waiting for the committed date',
    20_000,
  );
  const trace = await t.trace(instanceId);
  expect(trace).not.toContain('Catch_DueDatePassed');
  expect(trace.filter((e) => e === 'Task_CheckOnTime').length).toBeGreaterThanOrEqual(1);
});

it('CR-12.1: a delay declared in the moment the execution is busy is kept until it waits again, not dropped', async () => {
  const today = plantDateOf(await t.now());
  const { instanceId } = await t.createContract({
    contractNo: 'D-3',
    lines: [
      {
        partNo: 'HL-100',
        quantity: 40,
        unitPrice: 12.5,
        currency: 'CNY',
        requestedDate: plantDay(today, 20),
      },
    ],
  });
  await signRegular(instanceId, today);
  // A part delivery keeps the execution stage busy (its on-time check); the delay declared right
  // behind it reaches the stage while it does not wait for one, and must be kept until it does.
  await t.deliveries.record(
    'D-3',
    { partNo: 'HL-100', quantity: 10, deliveredAt: new Date(await t.now()).toISOString() },
    { user: 'wms', groups: ['service'] },
  );
  await t.delays.declare('D-3', { reason: 'mould repair', newDate: plantDay(today, 25), lineNos: [] }, {
    user: 'zhou.pmc',
    groups: ['pmc'],
  } as Principal);
  const lateOrder = await waitFor(
    async () => (await t.db.getRepository(LateOrderEntity).findOneBy({ contractNo: 'D-3' })) ?? undefined,
    'declared late order',
  );
  expect(lateOrder).toMatchObject({
    source: 'declared',
    declaredBy: 'zhou.pmc',
    reason: 'mould repair',
    newDate: plantDay(today, 25),
  });
  const trace = await t.trace(instanceId);
  expect(trace).toEqual(
    expect.arrayContaining([
      'Task_PlanExecution',
      'Catch_DelayDeclared',
      'Task_RecordDelay',
      'Throw_LateOrder',
    ]),
  );
  expect(trace.indexOf('Task_CheckOnTime')).toBeLessThan(trace.indexOf('Catch_DelayDeclared'));

  // Next working day, 09:00: the daily meeting.
  await waitFor(
    async () => {
      await t.env.sleep(3 * HOUR);
      return (await t.snapshot(lateOrder.instanceId!)).openTasks.length > 0 || undefined;
    },
    'the next daily meeting',
    60_000,
  );
  const review = await t.openTask(lateOrder.instanceId!, 'Task_DailyReview');
  const opened = new Date(Date.parse(review.createdAt) + 8 * HOUR);
  expect([opened.getUTCHours(), [1, 2, 3, 4, 5].includes(opened.getUTCDay())]).toEqual([9, true]);
  // CR-12: PMC's review does not close a late order that is not delivered.
  await t.deliveries.record(
    'D-3',
    { partNo: 'HL-100', quantity: 30, deliveredAt: new Date(await t.now()).toISOString() },
    { user: 'wms', groups: ['service'] },
  );
  await t.complete(review, 'zhou.pmc', ['pmc'], {
    reason: 'mould repaired early',
    newDate: plantDay(today, 21),
    customerReply: 'Back on plan',
    dailyOutcome: 'continue',
    attendees: ['procurement', 'production', 'merchandiser', 'warehouse'],
  });
  expect(await t.result(lateOrder.instanceId!)).toMatchObject({ state: 'COMPLETED' });
  expect(
    await t.db.getRepository(LateOrderEntity).findOneByOrFail({ id: lateOrder.instanceId! }),
  ).toMatchObject({
    state: 'resolved',
    resolution: 'delivered',
  });
  expect(await t.result(instanceId)).toMatchObject({ state: 'COMPLETED' });
  expect((await t.outbox('D-3')).map((m) => m.kind)).toEqual([
    'stamped-contract',
    'late-order-notice',
    'late-order-reply',
    'late-order-closed',
  ]);
});
