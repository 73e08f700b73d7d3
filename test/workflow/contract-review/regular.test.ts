/**
 * CR-1…CR-4, CR-8, CR-10, CR-11 on the time-skipping server: regular contracts through the
 * deployed contract-review diagram with the real activities and database.
 */
import {
  ContractEntity,
  DeliveryEntity,
  MeasureEntity,
  ReviewEntity,
} from '../../../persistence/entities/contract-review';
import { ALL_ACCEPT, PackEnv, plantDateOf, plantDay } from './support/pack-env';
import { rejectedWith } from '../support/update-rejection';

jest.setTimeout(180_000);
const t = new PackEnv();
beforeAll(async () => {
  await t.setUp();
  await t.seedMasterData();
});
afterAll(() => t.tearDown());

const SALES = ['sales'];

describe('regular contract (常规合同)', () => {
  it('CR-4.1: in stock → sales signs directly, the stamped contract goes out once, delivery on time, archived with retention', async () => {
    const wednesday = await t.skipToPlant(3, 10);
    const today = plantDateOf(wednesday);
    const { instanceId, proposedClass } = await t.createContract({
      contractNo: 'R-STOCK',
      lines: [
        {
          partNo: 'HL-100',
          quantity: 500,
          unitPrice: 12.5,
          currency: 'CNY',
          requestedDate: plantDay(today, 10),
        },
      ],
    });
    expect(proposedClass).toBe('regular');

    await t.completeOpen(instanceId, 'Task_ConfirmClass', 'li.na', SALES, { contractClass: 'regular' });
    const sign = await t.openTask(instanceId, 'Task_SignContract');
    expect(sign.candidateGroups).toEqual(['sales']);
    await t.complete(sign, 'li.na', SALES, { signatory: 'Li Na (sales)', signedOn: today });
    await t.waitAt(instanceId, 'Gateway_ExecutionEvents');
    expect((await t.queries.entity('R-STOCK')).status).toBe('executing');

    await t.deliveries.record(
      'R-STOCK',
      { partNo: 'HL-100', quantity: 500, deliveredAt: new Date(wednesday + 3600_000).toISOString() },
      { user: 'wms', groups: ['service'] },
    );
    expect(await t.result(instanceId)).toMatchObject({ state: 'COMPLETED' });

    expect(await t.trace(instanceId)).toEqual([
      'Start_ContractReceived',
      'Gateway_ReviewAgain',
      'Start_Receipt',
      'Gateway_Reentry',
      'Task_RecordIntake',
      'Gateway_Channel',
      'Gateway_IntakeDone',
      'Task_ProposeClass',
      'Gateway_Classify',
      'Task_ConfirmClass',
      'Task_RecordClass',
      'End_Classified',
      'Call_Receipt',
      'Gateway_ReceiptOutcome',
      'Gateway_Class',
      'Start_RegularReview',
      'Task_CheckAvailability',
      'Gateway_Availability',
      'End_SignDirectly',
      'Call_RegularReview',
      'Gateway_StageReviewsDone',
      'Gateway_ReviewResult',
      'Gateway_SignMerge',
      'Start_Transmission',
      'Gateway_Transmission',
      'Gateway_SignAuthority',
      'Task_SignContract',
      'Gateway_Signed',
      'Task_RecordSignature',
      'Gateway_Automotive',
      'Gateway_AutomotiveDone',
      'Gateway_Revised',
      'Gateway_SendMerge',
      'Task_StampAndSend',
      'End_Sent',
      'Call_SendContract',
      'Start_Execution',
      'Task_PlanExecution',
      'Gateway_ExecutionLoop',
      'Gateway_AllDelivered',
      'Gateway_ExecutionEvents',
      'Catch_Delivery',
      'Task_CheckOnTime',
      'Gateway_ExecutionLoop',
      'Gateway_AllDelivered',
      'End_Delivered',
      'Call_Execution',
      'Gateway_ExecutionOutcome',
      'Start_Archive',
      'Gateway_Archive',
      'Task_Archive',
      'End_Archived',
      'Call_Archive',
      'End_Completed',
    ]);
    const contract = await t.db.getRepository(ContractEntity).findOneByOrFail({ contractNo: 'R-STOCK' });
    expect(contract).toMatchObject({
      status: 'completed',
      contractClass: 'regular',
      revision: 0,
      retentionUntil: '2031-12-31',
    });
    expect(contract.milestones).toMatchObject({
      orderReviewRecord: { contractClass: 'regular', proposedClass: 'regular' },
      availability: { feasible: true, inStock: true },
      signature: { signatory: 'Li Na (sales)' },
      sent: { stamp: '合同专用章', revision: 0 },
      archived: { retentionUntil: '2031-12-31', class: 'regular', keptBy: 'rnd', retentionOpen: false },
    });
    expect(await t.db.getRepository(ReviewEntity).countBy({ contractNo: 'R-STOCK' })).toBe(0);
    expect(await t.db.getRepository(DeliveryEntity).findBy({ contractNo: 'R-STOCK' })).toEqual([
      expect.objectContaining({ quantity: 500, onTime: true }),
    ]);
    expect((await t.outbox('R-STOCK')).map((m) => [m.kind, m.recipients])).toEqual([
      ['stamped-contract', ['customer:lumen']],
    ]);
  });

  it('CR-4.2: over capacity → PMC organises a joint review by procurement and production; measures tracked to completion before signing', async () => {
    const today = plantDateOf(await t.now());
    // TL-200: 100 in stock, 5 days lead time, 50 a day → 600 pieces take 5 + 10 days, asked for in 7.
    const { instanceId } = await t.createContract({
      contractNo: 'R-CAPACITY',
      lines: [
        {
          partNo: 'TL-200',
          quantity: 600,
          unitPrice: 30,
          currency: 'CNY',
          requestedDate: plantDay(today, 7),
        },
      ],
    });
    await t.completeOpen(instanceId, 'Task_ConfirmClass', 'li.na', SALES, { contractClass: 'regular' });
    const organise = await t.openTask(instanceId, 'Task_OrganiseJointReview');
    expect(organise.candidateGroups).toEqual(['pmc']);
    await expect(t.complete(organise, 'li.na', SALES, {})).rejects.toMatchObject(
      rejectedWith(/TASK.NOT_CANDIDATE/),
    );
    await t.complete(organise, 'zhou.pmc', ['pmc'], {
      jointReviewDate: today,
      jointReviewNotes: 'capacity short by 8 days',
    });

    const [first, second] = await t.openTasks(instanceId, 'Task_JointDepartmentReview', 2);
    const byGroup = Object.fromEntries([first, second].map((task) => [task.candidateGroups[0], task]));
    expect(Object.keys(byGroup).sort()).toEqual(['procurement', 'production']);
    await expect(t.complete(byGroup.production, 'chen.buyer', ['procurement'], {})).rejects.toMatchObject(
      rejectedWith(/TASK.NOT_CANDIDATE/),
    );

    // Production forgets item e): the checklist boundary sends the review back with the reason.
    await t.complete(byGroup.production, 'wu.prod', ['production'], {
      verdict: 'accept',
      a: 'accept',
      g: 'not-applicable',
    });
    const again = await t.openTask(
      instanceId,
      'Task_JointDepartmentReview',
      (task) => task.taskId !== byGroup.production.taskId && task.taskId !== byGroup.procurement.taskId,
    );
    expect(again.candidateGroups).toEqual(['production']);
    expect(String(again.variables?.checklistProblem)).toMatch(/item e\)/);
    await t.complete(again, 'wu.prod', ['production'], {
      verdict: 'accept',
      a: 'accept',
      e: 'accept',
      g: 'not-applicable',
      comments: 'second shift',
    });
    await t.complete(byGroup.procurement, 'chen.buyer', ['procurement'], {
      verdict: 'accept-with-measures',
      a: 'accept-with-measures',
      comments: 'LED boards short',
      measures: [
        {
          description: 'Expedite LED boards from second source',
          department: 'procurement',
          owner: 'chen.buyer',
          dueDate: plantDay(today, 3),
        },
      ],
    });

    const measureTask = await t.openTask(instanceId, 'Task_CarryOutMeasure');
    expect(measureTask).toMatchObject({ candidateGroups: ['procurement'], dueDate: plantDay(today, 3) });
    await t.complete(measureTask, 'chen.buyer', ['procurement'], {
      measureEvidence: 'PO 4711 placed',
      measureDoneOn: today,
    });
    await t.completeOpen(instanceId, 'Task_SignContract', 'li.na', SALES, {
      signatory: 'Li Na',
      signedOn: today,
    });
    await t.waitAt(instanceId, 'Gateway_ExecutionEvents');
    await t.deliveries.record(
      'R-CAPACITY',
      { partNo: 'TL-200', quantity: 600, deliveredAt: new Date(await t.now()).toISOString() },
      { user: 'wms', groups: ['service'] },
    );
    expect(await t.result(instanceId)).toMatchObject({ state: 'COMPLETED' });

    const trace = await t.trace(instanceId);
    const classified = trace.indexOf('Gateway_Class');
    expect(trace.slice(classified, classified + 6)).toEqual([
      'Gateway_Class',
      'Start_RegularReview',
      'Task_CheckAvailability',
      'Gateway_Availability',
      'Task_OrganiseJointReview',
      'Start_JointReview',
    ]);
    expect(trace.filter((e) => e === 'Task_JointDepartmentReview')).toHaveLength(3);
    expect(trace.filter((e) => e === 'Task_RecordJointReview')).toHaveLength(2); // the incomplete one was thrown back
    expect(trace).toEqual(
      expect.arrayContaining([
        'SubProcess_JointReview',
        'Task_EvaluateReviews',
        'Gateway_ReviewOutcome',
        'Task_CarryOutMeasure',
        'Task_CompleteMeasure',
        'SubProcess_Measures',
        'Task_SignContract',
        'Task_Archive',
      ]),
    );

    const reviews = await t.db
      .getRepository(ReviewEntity)
      .find({ where: { contractNo: 'R-CAPACITY' }, order: { department: 'ASC' } });
    expect(reviews.map((r) => [r.department, r.mode, r.verdict, r.checklist])).toEqual([
      ['procurement', 'joint', 'accept-with-measures', { a: 'accept-with-measures' }],
      ['production', 'joint', 'accept', { a: 'accept', e: 'accept', g: 'not-applicable' }],
    ]);
    expect(await t.db.getRepository(MeasureEntity).findBy({ contractNo: 'R-CAPACITY' })).toEqual([
      expect.objectContaining({
        department: 'procurement',
        owner: 'chen.buyer',
        status: 'done',
        evidence: 'PO 4711 placed',
      }),
    ]);
    const contract = await t.queries.entity('R-CAPACITY');
    expect(contract.milestones).toMatchObject({ availability: { feasible: false, inStock: false } });
    // TL-200's life ends 2031-12-31: kept until 31 December of the following year.
    expect(contract).toMatchObject({ status: 'completed', retentionUntil: '2032-12-31' });
    expect(ALL_ACCEPT.a).toBe('accept');
  });
});
