/**
 * The simple FEEL evaluator answers exactly as feelin does, or not at all: random
 * expressions of its grammar (and near misses) over random contexts, compared with feelin.
 */
import fc from 'fast-check';
import { evaluate } from 'feelin';
import { evaluateSimple, NOT_SIMPLE } from '../../../engine/feel-simple';
import { evaluateValue } from '../../../engine/feel';

const names = ['a', 'b', 'amount', 'order', 'status', 'x_1', 'date', 'count', 'sum', 'not', 'items'];
const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }),
  fc.constantFrom('', 'a', 'b', 'rejected', '10', '2024-01-01'),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 2 }),
    fc.dictionary(fc.constantFrom(...names, 'first name', 'id'), tie('v'), { maxKeys: 3 }),
  ),
})).v;
// Most names present (an absent one is left to feelin); now and then a name only feelin's parser can read.
const context = fc
  .tuple(
    fc.record(Object.fromEntries(names.map((n) => [n, value])), { requiredKeys: names.slice(0, 6) }),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([ctx, n]) => (n === 0 ? { ...ctx, 'order amount': 2 } : ctx)) as fc.Arbitrary<
  Record<string, unknown>
>;

const literal = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '""', '"a"', '"rejected"', '"10"', '0', '1', '100', '10.5', '007'),
  fc.integer({ min: 0, max: 300 }).map(String),
);
const path = fc
  .array(fc.constantFrom(...names, 'id', 'first'), { minLength: 1, maxLength: 3 })
  .map((p) => p.join('.'));
const operand = fc.oneof(literal, path);
const comparison = fc.oneof(
  operand,
  fc
    .tuple(operand, fc.constantFrom('=', '!=', '<', '<=', '>', '>=', ' = ', ' > '), operand)
    .map(([a, op, b]) => `${a} ${op} ${b}`),
);
const expression = fc
  .array(fc.tuple(comparison, fc.constantFrom(' and ', ' or ', ' and', 'or ')), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.map(([c, j], i) => (i < parts.length - 1 ? c + j : c)).join(''));
// Near misses: other FEEL the simple evaluator must leave to feelin.
const nearMiss = fc.constantFrom(
  'a + b',
  '-1',
  'a[1]',
  'sum(items)',
  'a in [1,2]',
  'not(a)',
  'if a then 1 else 2',
  'a.b c',
  '"a\\"b"',
  '1.',
  '.5',
  'a >',
  'a = = b',
  '(a)',
  'a between 1 and 2',
  'date and time("2024-01-01T00:00:00")',
  'order amount > 1',
);

describe('simple FEEL', () => {
  it('answers as feelin does whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 5, arbitrary: expression }, { weight: 1, arbitrary: nearMiss }),
        context,
        (source, ctx) => {
          const simple = evaluateSimple(source, ctx);
          if (simple === NOT_SIMPLE) return;
          answered++;
          let expected: unknown;
          try {
            expected = evaluate(source, ctx).value;
          } catch (err) {
            throw new Error(
              `simple evaluator answered ${JSON.stringify(simple)} where feelin fails: ${(err as Error).message}`,
            );
          }
          expect({ source, ctx, value: simple }).toEqual({ source, ctx, value: expected });
        },
      ),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(300);
  });

  it('answers the usual conditions and paths itself', () => {
    const ctx = {
      amount: 150,
      reviewOutcome: 'rejected',
      feasible: true,
      order: { id: 'o-1', customer: { name: 'ACME' } },
      symbolProblem: null,
    };
    for (const [source, expected] of [
      ['amount > 100', true],
      ['amount <= 100', false],
      ['reviewOutcome = "rejected"', true],
      ['reviewOutcome != "measures"', true],
      ['feasible = true and amount > 1000', false],
      ['feasible = false or amount >= 150', true],
      ['symbolProblem != null', false],
      ['order.id', 'o-1'],
      ['order.customer.name', 'ACME'],
      ['amount = "150"', null],
    ] as const) {
      expect([source, evaluateSimple(source, ctx)]).toEqual([source, expected]);
    }
  });

  it('leaves what it cannot be sure of to feelin, through evaluateValue', () => {
    expect(evaluateSimple('missing > 1', {})).toBe(NOT_SIMPLE);
    expect(evaluateValue('=missing', {})).toBeNull();
    expect(evaluateValue('=a + b', { a: 1, b: 2 })).toBe(3);
    expect(evaluateValue('=order amount > 1', { 'order amount': 2 })).toBe(true);
    expect(evaluateValue('=items.price', { items: [{ price: 1 }, { price: 2 }] })).toEqual([1, 2]);
    expect(() => evaluateValue('=price >', { price: 1 })).toThrow(/failed to evaluate/);
  });
});
