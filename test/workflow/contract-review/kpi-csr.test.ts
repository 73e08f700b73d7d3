/**
 * CR-10 and CSR-1…CSR-6 on the time-skipping server: a month of deliveries whose on-time
 * rate misses the target and opens a corrective/preventive action plan; a customer e-mail
 * not passed to the project team within one day escalating, then reviewed into the CSR list,
 * changed, trained, verified; the annual CSR check per customer.
 */
import { KpiController } from '../../../api/contract-review/kpi/kpi.controller';
import {
  ActionPlanEntity,
  CsrAnnualCheckEntity,
  CsrDocumentEntity,
  CsrRequirementEntity,
  LateOrderEntity,
  OutboxMessageEntity,
} from '../../../persistence/entities/contract-review';
import { timelineQuery } from '../../../workflows/protocol';
import { waitFor } from '../support/wait';
import { DAY, HOUR, PackEnv, plantDateOf, plantDay, plantInstant, SERVICE } from './support/pack-env';

jest.setTimeout(240_000);
const t = new PackEnv();
beforeAll(async () => {
  await t.setUp();
  await t.seedMasterData();
});
afterAll(() => t.tearDown());

const SALES = ['sales'];
const wms = { user: 'wms', groups: ['service'] };

async function executing(contractNo: string, due: string, quantity: number) {
  const today = plantDateOf(await t.now());
  const { instanceId } = await t.createContract({
    contractNo,
    lines: [{ partNo: 'HL-100', quantity, unitPrice: 12.5, currency: 'CNY', requestedDate: due }],
  });
  await t.completeOpen(instanceId, 'Task_ConfirmClass', 'li.na', SALES, { contractClass: 'regular' });
  await t.completeOpen(instanceId, 'Task_SignContract', 'li.na', SALES, {
    signatory: 'Li Na',
    signedOn: today,
  });
  await t.waitAt(instanceId, 'Gateway_ExecutionEvents');
  return instanceId;
}

/** Sleep in steps of `step` until `probe` holds. */
async function skipUntil<T>(probe: () => Promise<T | undefined>, what: string, step = 3 * HOUR): Promise<T> {
  return waitFor(async () => (await probe()) ?? (await t.env.sleep(step), undefined), what, 60_000);
}

it('CR-10: a month with two of three deliveries on time misses the 95 % target and opens an action plan tracked to closure', async () => {
  const now = await t.now();
  const nextMonth = plantDay(`${plantDateOf(now).slice(0, 7)}-01`, 40).slice(0, 7);
  const first = `${nextMonth}-01`;
  await t.env.sleep(plantInstant(first, 10) - now);

  const k1 = await executing('K-1', plantDay(first, 3), 100);
  const k2 = await executing('K-2', plantDay(first, 4), 100);
  const k3 = await executing('K-3', plantDay(first, 5), 100);
  await t.deliveries.record(
    'K-1',
    {
      partNo: 'HL-100',
      quantity: 100,
      deliveredAt: new Date(plantInstant(plantDay(first, 2), 15)).toISOString(),
    },
    wms,
  );
  await t.deliveries.record(
    'K-2',
    {
      partNo: 'HL-100',
      quantity: 100,
      deliveredAt: new Date(plantInstant(plantDay(first, 4), 20)).toISOString(),
    },
    wms,
  );
  // One result at a time: each await unlocks time skipping, and concurrent unlocks do not balance.
  await t.result(k1);
  await t.result(k2);

  // K-3 misses its date: the late order is raised, the goods go out late, and PMC's next daily
  // meeting closes the late order because it is delivered (CR-12: only delivery or closing ends it).
  const late = await skipUntil(
    async () => (await t.db.getRepository(LateOrderEntity).findOneBy({ contractNo: 'K-3' })) ?? undefined,
    'K-3 late',
  );
  const review = await skipUntil(
    async () => (await t.snapshot(late.instanceId!)).openTasks[0],
    'daily meeting',
  );
  await t.deliveries.record(
    'K-3',
    {
      partNo: 'HL-100',
      quantity: 100,
      deliveredAt: new Date(plantInstant(plantDay(first, 9), 11)).toISOString(),
    },
    wms,
  );
  await t.complete(await t.openTask(late.instanceId!, review.elementId), 'zhou.pmc', ['pmc'], {
    reason: 'packaging shortage',
    newDate: plantDay(first, 9),
    customerReply: 'Ships on day 9',
    dailyOutcome: 'continue',
    attendees: ['procurement', 'production', 'warehouse'],
  });
  await t.result(late.instanceId!);
  await t.result(k3);

  // The monthly review (its timer start is a Schedule; here started on demand for the month).
  const { instanceId } = await t.instances.start(
    { processId: 'on-time-delivery-review', businessKey: nextMonth, variables: { period: nextMonth } },
    SERVICE,
  );
  const plan = await t.openTask(instanceId, 'Task_PlanActions');
  expect(plan.variables).toMatchObject({
    kpi: { period: nextMonth, due: 3, onTime: 2, ratePercent: 66.7, targetPercent: 95 },
    targetMissed: true,
    actionPlanId: `on-time-delivery/${nextMonth}`,
  });
  const planDue = plantDay(first, 45);
  await t.complete(plan, 'li.na', SALES, {
    planOwner: 'li.na',
    planActions: 'second packaging supplier\nweekly packaging stock check',
    planDueDate: planDue,
    planRootCause: 'single packaging supplier',
  });
  const close = await t.openTask(instanceId, 'Task_CloseActions');
  expect(close.dueDate).toBe(planDue);
  await t.complete(close, 'li.na', SALES, { planEffectiveness: 'no packaging delay since' });
  expect(await t.result(instanceId)).toMatchObject({ state: 'COMPLETED' });
  expect(await t.trace(instanceId)).toEqual([
    'Start_Manual',
    'Gateway_Start',
    'Task_ComputeRate',
    'Gateway_TargetMissed',
    'Task_PlanActions',
    'Task_RecordPlan',
    'Task_CloseActions',
    'Task_ClosePlan',
    'Gateway_Done',
    'End_Reviewed',
  ]);

  const row = await t.db
    .getRepository(ActionPlanEntity)
    .findOneByOrFail({ id: `on-time-delivery/${nextMonth}` });
  expect(row).toMatchObject({
    period: nextMonth,
    target: 0.95,
    owner: 'li.na',
    actions: ['second packaging supplier', 'weekly packaging stock check'],
    dueDate: planDue,
    state: 'closed',
    effectiveness: 'no packaging delay since',
  });
  expect(row.rate).toBeCloseTo(2 / 3);
  const kpi = await new KpiController(t.db, t.config).onTime({
    from: first,
    to: plantDay(first, 27),
    groupBy: 'month',
  });
  expect(kpi.periods).toEqual([{ period: nextMonth, due: 3, onTime: 2, rate: 2 / 3, targetMet: false }]);
  expect(kpi.actionPlans).toEqual([
    expect.objectContaining({ id: `on-time-delivery/${nextMonth}`, state: 'closed' }),
  ]);
});

it('CSR-3: a customer e-mail not passed to the project team within one day of its receipt escalates, every day until it is; then CSR list, 4M change, training, verification', async () => {
  // It arrived six hours before sales recorded it: the day is counted from its receipt.
  const receivedAt = (await t.now()) - 6 * HOUR;
  const { instanceId } = await t.csr.receive(
    {
      documentId: 'MAIL-1',
      customerId: 'chrysler',
      title: 'E-mail: PPM target lowered',
      version: '2027-01',
      kind: 'email',
      receivedAt: new Date(receivedAt).toISOString(),
    },
    { user: 'li.na', groups: SALES },
  );
  const transmit = await t.openTask(instanceId, 'Task_Transmit');
  const escalations = async () =>
    t.db.getRepository(OutboxMessageEntity).findBy({ kind: 'csr-escalation', customerId: 'chrysler' });
  await t.env.sleep(receivedAt + DAY + HOUR - (await t.now()));
  const [escalation] = await waitFor(async () => {
    const found = await escalations();
    return found.length ? found : undefined;
  }, 'escalation');
  expect(escalation).toMatchObject({
    recipients: ['group:sales', 'group:manager'],
    subject: expect.stringContaining('not passed to the project team within one day'),
  });
  expect((await t.snapshot(instanceId)).activeElements).toContain('Task_Transmit'); // non-interrupting: still to do
  // Still not passed on a day later: escalated again.
  await t.env.sleep(DAY);
  await waitFor(async () => ((await escalations()).length === 2 ? true : undefined), 'second escalation');

  await t.complete(transmit, 'li.na', SALES, { transmittedTo: 'APQP team' });
  await t.completeOpen(instanceId, 'Task_ReviewDocument', 'sun.apqp', ['apqp'], {
    requirementsText: 'PPM target 30\nPPAP level 3 for every change',
    actingDepartments: ['quality', 'production'],
    changeRequired: true,
  });
  await t.completeOpen(instanceId, 'Task_EngineeringChange', 'zhao.rnd', ['rnd'], {
    changeKind: '4m',
    fmeaChangedOn: '2027-01-10',
    controlPlanChangedOn: '2027-01-11',
    implementationDate: '2027-01-15',
    distributedTo: ['production', 'quality'],
    trainingRequired: true,
  });
  await t.completeOpen(instanceId, 'Task_Training', 'wu.prod', ['production'], {
    trainingDate: '2027-01-14',
    trainingAttendees: 'line 3 operators',
  });
  await t.completeOpen(instanceId, 'Task_Verify', 'gao.qa', ['quality'], {
    verified: true,
    verificationEvidence: 'audit 2027-02',
  });
  expect(await t.result(instanceId)).toMatchObject({ state: 'COMPLETED' });

  const timeline = await t.env.client.workflow.getHandle(instanceId).query(timelineQuery);
  expect(
    timeline
      .filter((e) => e.event === 'timer-fired')
      .map((e) => [e.elementId, Date.parse(String(e.detail?.fireAt)) - receivedAt]),
  ).toEqual([
    ['Boundary_OneDay', DAY],
    ['Boundary_OneDay', 2 * DAY],
  ]);
  const trace = await t.trace(instanceId);
  expect(trace).toEqual(
    expect.arrayContaining([
      'Boundary_OneDay',
      'Throw_TransmissionOverdue',
      'End_EscalationRaised',
      'Start_Overdue',
      'Task_EscalateTransmission',
      'End_Overdue',
      'Task_RecordCsrReview',
      'Task_RecordChange',
      'Task_Training',
      'Task_RecordVerification',
    ]),
  );
  // Passed on after two escalations: no third.
  expect(trace.filter((e) => e === 'Task_EscalateTransmission')).toHaveLength(2);
  expect(await escalations()).toHaveLength(2);

  const doc = await t.db.getRepository(CsrDocumentEntity).findOneByOrFail({ documentId: 'MAIL-1' });
  expect(doc).toMatchObject({
    instanceId,
    transmittedAt: expect.any(String),
    escalatedAt: expect.any(String),
    reviewedAt: expect.any(String),
    changeNotes: expect.objectContaining({
      changeKind: '4m',
      implementationDate: '2027-01-15',
      trainingRequired: true,
    }),
  });
  expect(Date.parse(doc.escalatedAt!) - receivedAt).toBeGreaterThanOrEqual(DAY);
  const list = await t.db
    .getRepository(CsrRequirementEntity)
    .find({ where: { documentId: 'MAIL-1' }, order: { id: 'ASC' } });
  expect(list.map((r) => [r.text, r.documentVersion, r.departments, r.verification])).toEqual([
    ['PPM target 30', '2027-01', ['quality', 'production'], 'verified'],
    ['PPAP level 3 for every change', '2027-01', ['quality', 'production'], 'verified'],
  ]);
  expect(
    (await t.db.getRepository(OutboxMessageEntity).findBy({ customerId: 'chrysler' }))
      .map((m) => m.kind)
      .sort(),
  ).toEqual(['change-distribution', 'csr-escalation', 'csr-escalation']);
});

it('CSR-5: the annual check opens one task per customer with CSR documents and records each confirmation', async () => {
  const { instanceId } = await t.instances.start(
    { processId: 'csr-annual-check', businessKey: 'annual-check' },
    SERVICE,
  );
  const task = await t.openTask(instanceId, 'Task_AnnualCheck');
  expect(task).toMatchObject({
    candidateGroups: ['apqp'],
    variables: expect.objectContaining({ customerId: 'chrysler' }),
  });
  await t.complete(task, 'sun.apqp', ['apqp'], {
    allLatestInUse: true,
    annualCheckNotes: 'MAIL-1 2027-01 in use',
  });
  expect(await t.result(instanceId)).toMatchObject({ state: 'COMPLETED' });
  expect(await t.db.getRepository(CsrAnnualCheckEntity).findBy({ customerId: 'chrysler' })).toEqual([
    expect.objectContaining({ allLatestInUse: true, notes: 'MAIL-1 2027-01 in use' }),
  ]);
});
