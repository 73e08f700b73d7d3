import { checkAvailability } from '../../../activities/contract-review/domain/availability';
import { itemsOf, reviewOutcome, reviewProblems } from '../../../activities/contract-review/domain/checklist';
import {
  classificationProblems,
  proposeClass,
} from '../../../activities/contract-review/domain/classification';
import {
  addYears,
  dueDatePassedAt,
  isoWeekOf,
  lastDayOfMonth,
  mondayOfIsoWeek,
} from '../../../activities/contract-review/domain/dates';
import { onTimeRates } from '../../../activities/contract-review/domain/on-time';
import { retentionUntil, underRetention } from '../../../activities/contract-review/domain/retention';

const utcDate = (iso: string) => iso.slice(0, 10);

describe('CR-2 classification proposal', () => {
  const base = { documentType: 'order', annual: false, specialRequirements: [], lines: [{ partNo: 'HL-1' }] };
  it('proposes regular for a known part without special requirements', () => {
    expect(proposeClass(base, new Set(['HL-1']))).toMatchObject({
      proposedClass: 'regular',
      newProduct: false,
    });
  });
  it.each([
    ['a new part number', { ...base }, new Set<string>(), /new part number: HL-1/],
    [
      'special requirements',
      { ...base, specialRequirements: [{ text: 'PPM 50' }] },
      new Set(['HL-1']),
      /special requirement/,
    ],
    ['an annual term', { ...base, annual: true }, new Set(['HL-1']), /annual/],
    [
      'a development agreement',
      { ...base, documentType: 'development-agreement' },
      new Set(['HL-1']),
      /development agreement/,
    ],
  ])('proposes non-regular for %s', (_name, input, known, reason) => {
    const proposal = proposeClass(input, known);
    expect(proposal.proposedClass).toBe('non-regular');
    expect(proposal.reasons.join('; ')).toMatch(reason);
  });
  it('requires a reason to override, reviewers and a mode for non-regular (CR-3)', () => {
    expect(
      classificationProblems('regular', {
        contractClass: 'non-regular',
        reviewers: ['rnd'],
        reviewMode: 'cross',
      }),
    ).toEqual(['give the reason for overriding the proposed class regular']);
    expect(
      classificationProblems('non-regular', { contractClass: 'non-regular', reviewers: [], reviewMode: 'x' }),
    ).toHaveLength(2);
    expect(
      classificationProblems('non-regular', {
        contractClass: 'regular',
        overrideReason: 'repeat order of a known part',
      }),
    ).toEqual([]);
  });
});

describe('CR-4 stock and capacity arithmetic', () => {
  const parts = new Map([['HL-1', { partNo: 'HL-1', stockQty: 1000, leadTimeDays: 5, dailyCapacity: 100 }]]);
  it('serves from free stock (stock minus committed load)', () => {
    const a = checkAvailability(
      [{ lineNo: 1, partNo: 'HL-1', quantity: 600, requestedDate: '2026-12-10' }],
      parts,
      new Map([['HL-1', 400]]),
      '2026-12-01',
    );
    expect(a).toMatchObject({ inStock: true, feasible: true });
    expect(a.lines[0].freeStock).toBe(600);
  });
  it('queues production behind the committed backlog: lead time + ceil((backlog + shortfall) / capacity)', () => {
    // committed 1300 > stock 1000: backlog 300; order 500 needs 5 + ceil(800/100) = 13 days
    const a = checkAvailability(
      [{ lineNo: 1, partNo: 'HL-1', quantity: 500, requestedDate: '2026-12-14' }],
      parts,
      new Map([['HL-1', 1300]]),
      '2026-12-01',
    );
    expect(a.lines[0]).toMatchObject({
      fromStock: false,
      productionDays: 13,
      earliestDate: '2026-12-14',
      withinCapacity: true,
    });
    const late = checkAvailability(
      [{ lineNo: 1, partNo: 'HL-1', quantity: 500, requestedDate: '2026-12-13' }],
      parts,
      new Map([['HL-1', 1300]]),
      '2026-12-01',
    );
    expect(late.feasible).toBe(false);
  });
  it('counts earlier lines of the same order and treats unknown parts as not feasible', () => {
    const a = checkAvailability(
      [
        { lineNo: 1, partNo: 'HL-1', quantity: 900, requestedDate: '2026-12-02' },
        { lineNo: 2, partNo: 'HL-1', quantity: 200, requestedDate: '2026-12-02' },
        { lineNo: 3, partNo: 'NEW', quantity: 1, requestedDate: '2027-12-02' },
      ],
      parts,
      new Map(),
      '2026-12-01',
    );
    expect(a.lines.map((l) => l.fromStock)).toEqual([true, false, false]);
    expect(a.lines[2].earliestDate).toBeNull();
    expect(a.feasible).toBe(false);
  });
});

describe('CR-5/CR-6 checklist and verdicts', () => {
  it('gives each department its own items', () => {
    expect(itemsOf('finance')).toEqual(['b', 'i']);
    expect(itemsOf('rnd')).toEqual(['c', 'g', 'h']);
    expect(
      new Set(['sales', 'procurement', 'rnd', 'production', 'pmc', 'finance', 'quality'].flatMap(itemsOf)),
    ).toEqual(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']));
  });
  it('refuses an incomplete checklist and measures without owner or due date', () => {
    expect(reviewProblems({ department: 'rnd', verdict: 'accept', c: 'accept', g: 'accept' })).toEqual([
      'checklist item h) needs a verdict',
    ]);
    expect(
      reviewProblems({
        department: 'finance',
        verdict: 'accept-with-measures',
        b: 'accept',
        i: 'accept',
        measures: [{ description: 'check price' }],
      }),
    ).toHaveLength(2);
    expect(
      reviewProblems({
        department: 'finance',
        verdict: 'accept-with-measures',
        b: 'accept',
        i: 'not-applicable',
        measures: [{ description: 'check price', department: 'finance', owner: 'li', dueDate: '2026-12-10' }],
      }),
    ).toEqual([]);
  });
  it('rejects on any reject, tracks measures, else accepts', () => {
    expect(reviewOutcome(['accept', 'reject'], 1)).toBe('rejected');
    expect(reviewOutcome(['accept'], 1)).toBe('measures');
    expect(reviewOutcome(['accept', 'accept'], 0)).toBe('accepted');
  });
});

describe('CR-10 on-time delivery rate', () => {
  const line = (n: number, committedDate: string, deliveries: [number, string][], quantity = 10) => ({
    contractNo: 'C',
    lineNo: n,
    customerId: 'x',
    quantity,
    committedDate,
    deliveries: deliveries.map(([q, at]) => ({ quantity: q, deliveredAt: at })),
  });
  it('counts a line on time only when delivered in full by its committed date, per month, against the target', () => {
    const rates = onTimeRates(
      [
        line(1, '2026-11-05', [[10, '2026-11-05T09:00:00Z']]),
        line(2, '2026-11-10', [
          [5, '2026-11-09T09:00:00Z'],
          [5, '2026-11-12T09:00:00Z'],
        ]),
        line(3, '2026-11-20', []),
        line(4, '2026-11-25', [[10, '2026-11-01T09:00:00Z']]),
        line(5, '2026-12-01', [[10, '2026-12-01T09:00:00Z']]),
      ],
      'month',
      0.95,
      utcDate,
    );
    expect(rates).toEqual([
      { period: '2026-11', due: 4, onTime: 2, rate: 0.5, targetMet: false },
      { period: '2026-12', due: 1, onTime: 1, rate: 1, targetMet: true },
    ]);
  });
  it('groups by ISO week', () => {
    expect(isoWeekOf('2026-12-31')).toBe('2026-W53');
    expect(mondayOfIsoWeek('2026-W49')).toBe('2026-11-30');
    expect(onTimeRates([line(1, '2026-12-02', [])], 'week', 0.9, utcDate)[0].period).toBe('2026-W49');
  });
});

describe('CR-11 retention', () => {
  it('keeps records while the part is active plus one calendar year, longer when the customer asks', () => {
    // 31 December of the year after the part's life ends (the latest part of the contract)
    expect(retentionUntil(['2030-06-30'])).toBe('2031-12-31');
    expect(retentionUntil(['2030-01-01', '2028-12-31'])).toBe('2031-12-31');
    expect(retentionUntil(['2030-12-31'])).toBe('2031-12-31');
    // a customer asking for more years
    expect(retentionUntil(['2028-02-29'], 2)).toBe('2031-12-31');
    // a part without an end of life: retention is open
    expect(retentionUntil(['2030-06-30', null])).toBeNull();
    expect(retentionUntil([null], 0, '2026-12-01')).toBeNull();
    // no parts at all: the archiving day stands for the life end
    expect(retentionUntil([], 0, '2026-12-01')).toBe('2027-12-31');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
  it('is under retention until the date has passed, and always while not archived', () => {
    expect(underRetention('2027-12-01', '2027-12-01')).toBe(true);
    expect(underRetention('2027-12-01', '2027-12-02')).toBe(false);
    expect(underRetention(null, '2099-01-01')).toBe(true);
  });
});

describe('CR-12.1 due date timer', () => {
  it('fires at the start of the day after the committed date (plant wall time)', () => {
    expect(dueDatePassedAt('2026-12-31')).toBe('2027-01-01T00:00:00');
  });
});

it('CR-10: the monthly KPI covers the whole month, its last day included', () => {
  expect(['2026-11', '2026-12', '2027-02', '2028-02'].map(lastDayOfMonth)).toEqual([
    '2026-11-30',
    '2026-12-31',
    '2027-02-28',
    '2028-02-29',
  ]);
});
