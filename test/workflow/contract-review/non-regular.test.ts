/**
 * CR-5…CR-8, CSR-4, CSR-6 on the time-skipping server: non-regular contracts through the
 * deployed diagram — cross review of a new automotive product with customer special
 * requirements, and an annual OEM supply contract only the GM or the executive deputy GM signs.
 */
import {
  ContractEntity,
  CsrDocumentEntity,
  CsrRequirementEntity,
  ReviewEntity,
} from '../../../persistence/entities/contract-review';
import { PackEnv, plantDateOf, plantDay } from './support/pack-env';
import { rejectedWith } from '../support/update-rejection';

jest.setTimeout(180_000);
const t = new PackEnv();
beforeAll(async () => {
  await t.setUp();
  await t.seedMasterData();
});
afterAll(() => t.tearDown());

const accept = (...items: string[]) => Object.fromEntries(items.map((i) => [i, 'accept']));

async function deliverAll(contractNo: string, instanceId: string, partNo: string, quantity: number) {
  await t.waitAt(instanceId, 'Gateway_ExecutionEvents');
  await t.deliveries.record(
    contractNo,
    { partNo, quantity, deliveredAt: new Date(await t.now()).toISOString() },
    { user: 'wms', groups: ['service'] },
  );
  return t.result(instanceId);
}

it('CR-7: a new automotive product with CSRs goes through marking, CSR feasibility, cross review, costing ‖ feasibility, signature and the APQP hand-over', async () => {
  const today = plantDateOf(await t.skipToPlant(1, 10));
  const at = new Date().toISOString();
  await t.db.getRepository(CsrDocumentEntity).save({
    documentId: 'QA-7',
    customerId: 'chrysler',
    title: 'Supplier quality agreement',
    version: 'B',
    kind: 'quality-agreement',
    receivedAt: at,
    receivedBy: 'li.na',
    transmittedAt: at,
    escalatedAt: null,
    reviewedAt: at,
    changeNotes: null,
    instanceId: null,
  });
  await t.db.getRepository(CsrRequirementEntity).save({
    id: 'QA-7/B/1',
    customerId: 'chrysler',
    documentId: 'QA-7',
    documentVersion: 'B',
    text: 'PPM target 50',
    departments: ['quality'],
    feasibility: 'pending',
    verification: 'open',
    verifiedAt: null,
    createdAt: at,
  });

  const { instanceId, proposedClass } = await t.createContract({
    contractNo: 'N-AUTO',
    customerId: 'chrysler',
    documentType: 'development-agreement',
    automotive: true,
    oemSupply: true,
    specialRequirements: [{ text: 'Beam cut-off within 0.1°', sourceDocument: 'QA-7 rev B', symbol: 'S' }],
    lines: [
      {
        partNo: 'HL-NEW-9',
        quantity: 200,
        unitPrice: 88,
        currency: 'CNY',
        requestedDate: plantDay(today, 60),
      },
    ],
  });
  expect(proposedClass).toBe('non-regular');
  const contract0 = await t.queries.entity('N-AUTO');
  expect(contract0).toMatchObject({
    newProduct: true,
    classReasons: expect.arrayContaining(['new part number: HL-NEW-9', 'new-product development agreement']),
  });

  const reviewers = ['rnd', 'production', 'finance', 'quality'];
  await t.completeOpen(instanceId, 'Task_ConfirmClass', 'li.na', ['sales'], {
    contractClass: 'non-regular',
    reviewers,
    reviewMode: 'cross',
  });

  // CSR-4: a symbol the customer does not use sends R&D back to the marking.
  const mark = await t.openTask(instanceId, 'Task_MarkSpecialCharacteristics');
  expect(mark.candidateGroups).toEqual(['rnd']);
  expect(mark.variables).toMatchObject({
    customerSymbolList: 'S: safety (shield); D: key characteristic (diamond)',
  });
  await t.complete(mark, 'zhao.rnd', ['rnd'], {
    specialCharacteristics: [{ characteristic: 'beam cut-off', symbol: '▲', documentRef: 'DWG-9' }],
  });
  const remark = await t.openTask(
    instanceId,
    'Task_MarkSpecialCharacteristics',
    (task) => task.taskId !== mark.taskId,
  );
  expect(String(remark.variables?.symbolProblem)).toMatch(
    /not a symbol of customer chrysler: beam cut-off '▲'/,
  );
  await t.complete(remark, 'zhao.rnd', ['rnd'], {
    specialCharacteristics: [
      { characteristic: 'beam cut-off', symbol: 'S', documentRef: 'DWG-9' },
      { characteristic: 'lens thickness', symbol: 'D', documentRef: 'DWG-9' },
    ],
  });

  // CSR-6: a CSR whose feasibility APQP has not confirmed blocks the review.
  const csr = await t.openTask(instanceId, 'Task_ConfirmCsrFeasibility');
  expect(csr).toMatchObject({
    candidateGroups: ['apqp'],
    variables: expect.objectContaining({ csrBlocked: true, blockingCsrIds: ['QA-7/B/1'] }),
  });
  await t.complete(csr, 'sun.apqp', ['apqp'], {
    csrFeasibility: 'feasible',
    csrFeasibilityNotes: 'process capability 0.8 PPM',
  });

  // CR-7.2: cross review, one task per chosen department, in parallel, each with its own checklist items.
  const tasks = await t.openTasks(instanceId, 'Task_DepartmentReview', 4);
  expect(tasks.map((task) => task.candidateGroups[0]).sort()).toEqual([...reviewers].sort());
  const items: Record<string, string[]> = {
    rnd: ['c', 'g', 'h'],
    production: ['a', 'e', 'g'],
    finance: ['b', 'i'],
    quality: ['c', 'i'],
  };
  for (const task of tasks.reverse()) {
    const department = task.candidateGroups[0];
    await t.complete(task, `${department}.lead`, [department], {
      verdict: 'accept',
      comments: `${department} ok`,
      ...accept(...items[department]),
    });
  }

  // CR-7.4: finance prices it while R&D assesses feasibility.
  const [costing, feasibility] = [
    await t.openTask(instanceId, 'Task_Costing'),
    await t.openTask(instanceId, 'Task_Feasibility'),
  ];
  expect([costing.candidateGroups, feasibility.candidateGroups]).toEqual([['finance'], ['rnd']]);
  await t.complete(feasibility, 'zhao.rnd', ['rnd'], {
    feasible: true,
    riskAnalysis: 'tooling risk low; new LED supplier PPAP',
    feasibilityReportRef: 'FA-2026-09',
  });
  await t.complete(costing, 'qian.fin', ['finance'], {
    unitCost: 61.2,
    quotedPrice: 88,
    costCurrency: 'CNY',
  });
  await t.completeOpen(instanceId, 'Task_SignContract', 'li.na', ['sales'], {
    signatory: 'Li Na',
    signedOn: today,
  });

  // CR-7.6: development agreement, then the APQP team takes the product over.
  await t.completeOpen(instanceId, 'Task_DevelopmentAgreement', 'li.na', ['sales'], {
    developmentAgreementNo: 'NPD-77',
    developmentAgreementSignedOn: today,
  });
  const handOver = await t.openTask(instanceId, 'Task_AcceptHandOver');
  expect(handOver.candidateGroups).toEqual(['apqp']);
  await t.complete(handOver, 'sun.apqp', ['apqp'], { apqpProjectNo: 'APQP-31' });
  expect(await deliverAll('N-AUTO', instanceId, 'HL-NEW-9', 200)).toMatchObject({ state: 'COMPLETED' });

  const trace = await t.trace(instanceId);
  const order = [
    'Task_MarkSpecialCharacteristics',
    'Task_ConfirmCsrFeasibility',
    'SubProcess_CrossReview',
    'Task_EvaluateReviews',
    'Task_RecordCostingFeasibility',
    'Task_SignContract',
    'Task_DevelopmentAgreement',
    'Task_HandOverApqp',
    'Task_AcceptHandOver',
    'Task_StampAndSend',
    'Task_Archive',
  ];
  expect(order.map((e) => trace.indexOf(e))).toEqual(
    [...order.map((e) => trace.indexOf(e))].sort((a, b) => a - b),
  );
  expect(trace.filter((e) => e === 'Task_MarkSpecialCharacteristics')).toHaveLength(2);
  expect(trace.filter((e) => e === 'Task_RecordReview')).toHaveLength(4);

  const contract = await t.queries.entity('N-AUTO');
  expect(contract).toMatchObject({
    status: 'completed',
    contractClass: 'non-regular',
    reviewers,
    reviewMode: 'cross',
    specialCharacteristics: [
      { characteristic: 'beam cut-off', symbol: 'S', documentRef: 'DWG-9' },
      { characteristic: 'lens thickness', symbol: 'D', documentRef: 'DWG-9' },
    ],
  });
  expect(contract.milestones).toMatchObject({
    costing: { unitCost: 61.2, quotedPrice: 88, currency: 'CNY' },
    feasibility: { feasible: true, reportRef: 'FA-2026-09' },
    developmentAgreement: { agreementNo: 'NPD-77' },
    archived: { class: 'non-regular', newProduct: true },
  });
  const reviews = await t.db
    .getRepository(ReviewEntity)
    .find({ where: { contractNo: 'N-AUTO' }, order: { department: 'ASC' } });
  expect(reviews.map((r) => [r.department, r.mode, r.verdict, r.checklist])).toEqual([
    ['finance', 'cross', 'accept', accept('b', 'i')],
    ['production', 'cross', 'accept', accept('a', 'e', 'g')],
    ['quality', 'cross', 'accept', accept('c', 'i')],
    ['rnd', 'cross', 'accept', accept('c', 'g', 'h')],
  ]);
  expect(await t.db.getRepository(CsrRequirementEntity).findOneByOrFail({ id: 'QA-7/B/1' })).toMatchObject({
    feasibility: 'feasible',
  });
  expect((await t.outbox('N-AUTO')).map((m) => [m.kind, m.recipients])).toEqual([
    ['apqp-hand-over', ['group:apqp']],
    ['stamped-contract', ['customer:chrysler']],
  ]);
});

it('CR-7.5: an annual OEM supply contract — sales agrees price and payment terms, sales cannot sign, the GM signs', async () => {
  const today = plantDateOf(await t.now());
  const { instanceId, proposedClass } = await t.createContract({
    contractNo: 'N-ANNUAL',
    customerId: 'chrysler',
    documentType: 'contract',
    annual: true,
    oemSupply: true,
    automotive: true,
    lines: [
      {
        partNo: 'HL-100',
        quantity: 1000,
        unitPrice: 11.8,
        currency: 'CNY',
        requestedDate: plantDay(today, 30),
      },
    ],
  });
  expect(proposedClass).toBe('non-regular');
  await t.completeOpen(instanceId, 'Task_ConfirmClass', 'li.na', ['sales'], {
    contractClass: 'non-regular',
    reviewers: ['sales', 'pmc', 'finance'],
    reviewMode: 'meeting',
  });
  await t.completeOpen(instanceId, 'Task_MarkSpecialCharacteristics', 'zhao.rnd', ['rnd'], {
    specialCharacteristics: [],
  });

  // CR-7.2 meeting review: one task, every department's verdict.
  const meeting = await t.openTask(instanceId, 'Task_MeetingReview');
  expect(meeting.candidateGroups).toEqual(['sales', 'pmc']);
  await t.complete(meeting, 'zhou.pmc', ['pmc'], {
    verdict_sales: 'accept',
    verdict_pmc: 'accept',
    verdict_finance: 'accept',
    ...accept('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'),
    minutes: 'annual volumes agreed',
  });

  await t.completeOpen(instanceId, 'Task_AgreePriceTerms', 'li.na', ['sales'], {
    agreedPriceTerms: '11.80 CNY, -2 % per year',
    agreedPaymentTerms: '90 days',
  });
  const sign = await t.openTask(instanceId, 'Task_SignAnnual');
  expect(sign.candidateGroups).toEqual(['gm', 'evp']);
  await expect(
    t.complete(sign, 'li.na', ['sales'], { signatory: 'Li Na', signedOn: today }),
  ).rejects.toMatchObject(rejectedWith(/TASK.NOT_CANDIDATE/));
  await t.complete(sign, 'wang.gm', ['gm'], { signatory: 'Wang Wei (总经理)', signedOn: today });
  expect(await deliverAll('N-ANNUAL', instanceId, 'HL-100', 1000)).toMatchObject({ state: 'COMPLETED' });

  const trace = await t.trace(instanceId);
  expect(trace).toEqual(
    expect.arrayContaining([
      'Task_MeetingReview',
      'Task_RecordMeetingReview',
      'Task_AgreePriceTerms',
      'Task_SignAnnual',
      'Task_RecordSignature',
    ]),
  );
  expect(trace).not.toContain('Task_SignContract');
  expect(trace).not.toContain('Task_DevelopmentAgreement');
  const contract = await t.db.getRepository(ContractEntity).findOneByOrFail({ contractNo: 'N-ANNUAL' });
  expect(contract.milestones).toMatchObject({
    signature: {
      signatory: 'Wang Wei (总经理)',
      priceTerms: '11.80 CNY, -2 % per year',
      paymentTerms: '90 days',
    },
  });
  const reviews = await t.db
    .getRepository(ReviewEntity)
    .find({ where: { contractNo: 'N-ANNUAL' }, order: { department: 'ASC' } });
  expect(reviews.map((r) => [r.department, r.mode, r.verdict])).toEqual([
    ['finance', 'meeting', 'accept'],
    ['pmc', 'meeting', 'accept'],
    ['sales', 'meeting', 'accept'],
  ]);
  expect(reviews[0].checklist).toEqual(accept('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'));
});
