import { analyseDmn } from '../../../model/dmn/analyse-dmn';
import { evaluateDecision, DecisionEvaluationError } from '../../../model/dmn/evaluate/evaluate-decision';
import { tableXml, type TableSpec } from './table-xml';

async function evaluate(spec: TableSpec, variables: Record<string, unknown>) {
  const { graph, errors } = await analyseDmn(tableXml(spec));
  expect(errors).toEqual([]);
  return evaluateDecision(graph!, 'decision', variables);
}

const amounts: TableSpec['rules'] = [
  { in: ['>= 100'], out: ['"large"'] },
  { in: ['>= 10'], out: ['"medium"'] },
  { in: ['-'], out: ['"any"'] },
];

describe('decision table hit policies', () => {
  it('UNIQUE: the one matching rule, null when none matches', async () => {
    const spec: TableSpec = {
      inputs: ['season'],
      outputs: [{ name: 'dish' }],
      rules: [
        { in: ['"Winter"'], out: ['"Roastbeef"'] },
        { in: ['"Summer"'], out: ['"Salad"'] },
      ],
    };
    const summer = await evaluate(spec, { season: 'Summer' });
    expect(summer.result).toBe('Salad');
    expect(summer.evaluatedDecisions[0].matchedRules).toEqual([
      { ruleId: 'r2', ruleIndex: 2, outputs: { dish: 'Salad' } },
    ]);
    expect((await evaluate(spec, { season: 'Spring' })).result).toBeNull();
  });

  it('UNIQUE: two matching rules violate the hit policy', async () => {
    const spec: TableSpec = {
      hitPolicy: 'UNIQUE',
      inputs: ['amount'],
      outputs: [{ name: 'size' }],
      rules: amounts,
    };
    await expect(evaluate(spec, { amount: 50 })).rejects.toThrow(DecisionEvaluationError);
    await expect(evaluate(spec, { amount: 50 })).rejects.toThrow(/UNIQUE violated: rules r2, r3/);
  });

  it('FIRST: the first matching rule in table order', async () => {
    const spec: TableSpec = {
      hitPolicy: 'FIRST',
      inputs: ['amount'],
      outputs: [{ name: 'size' }],
      rules: amounts,
    };
    expect((await evaluate(spec, { amount: 500 })).result).toBe('large');
    expect((await evaluate(spec, { amount: 50 })).result).toBe('medium');
    expect((await evaluate(spec, { amount: 1 })).result).toBe('any');
  });

  it('ANY: several rules may match when their outputs agree; different outputs are a violation', async () => {
    const spec: TableSpec = {
      hitPolicy: 'ANY',
      inputs: ['amount'],
      outputs: [{ name: 'approve' }],
      rules: [
        { in: ['> 10'], out: ['false'] },
        { in: ['> 20'], out: ['false'] },
        { in: ['> 30'], out: ['true'] },
      ],
    };
    const agreed = await evaluate(spec, { amount: 25 });
    expect(agreed.result).toBe(false);
    expect(agreed.evaluatedDecisions[0].matchedRules.map((r) => r.ruleId)).toEqual(['r1']);
    await expect(evaluate(spec, { amount: 35 })).rejects.toThrow(/ANY violated/);
  });

  it('PRIORITY: the match whose output comes first in the output values, not first in the table', async () => {
    const spec: TableSpec = {
      hitPolicy: 'PRIORITY',
      inputs: ['amount', 'customer'],
      outputs: [{ name: 'risk', values: '"high","medium","low"' }],
      rules: [
        { in: ['-', '-'], out: ['"low"'] },
        { in: ['> 1000', '-'], out: ['"medium"'] },
        { in: ['-', '"new"'], out: ['"high"'] },
      ],
    };
    expect((await evaluate(spec, { amount: 5000, customer: 'new' })).result).toBe('high');
    expect((await evaluate(spec, { amount: 5000, customer: 'known' })).result).toBe('medium');
    expect((await evaluate(spec, { amount: 1, customer: 'known' })).result).toBe('low');
  });

  it('OUTPUT ORDER: every match, sorted by output value priority', async () => {
    const spec: TableSpec = {
      hitPolicy: 'OUTPUT ORDER',
      inputs: ['amount'],
      outputs: [{ name: 'check', values: '"legal","finance","sales"' }],
      rules: [
        { in: ['-'], out: ['"sales"'] },
        { in: ['> 100'], out: ['"finance"'] },
        { in: ['> 1000'], out: ['"legal"'] },
      ],
    };
    expect((await evaluate(spec, { amount: 5000 })).result).toEqual(['legal', 'finance', 'sales']);
    expect((await evaluate(spec, { amount: 500 })).result).toEqual(['finance', 'sales']);
  });

  it('RULE ORDER: every match, in table order; several outputs give contexts', async () => {
    const spec: TableSpec = {
      hitPolicy: 'RULE ORDER',
      inputs: ['amount'],
      outputs: [{ name: 'department' }, { name: 'days' }],
      rules: [
        { in: ['> 1000'], out: ['"legal"', '5'] },
        { in: ['-'], out: ['"sales"', '1'] },
        { in: ['> 100'], out: ['"finance"', '2'] },
      ],
    };
    expect((await evaluate(spec, { amount: 5000 })).result).toEqual([
      { department: 'legal', days: 5 },
      { department: 'sales', days: 1 },
      { department: 'finance', days: 2 },
    ]);
    expect((await evaluate(spec, { amount: 5 })).result).toEqual([{ department: 'sales', days: 1 }]);
  });

  const points: TableSpec['rules'] = [
    { in: ['> 10'], out: ['5'] },
    { in: ['> 20'], out: ['3'] },
    { in: ['> 30'], out: ['8'] },
    { in: ['< 0'], out: ['100'] },
  ];

  it('COLLECT: the outputs of every match as a list, empty when none matches', async () => {
    const spec: TableSpec = {
      hitPolicy: 'COLLECT',
      inputs: ['score'],
      outputs: [{ name: 'points' }],
      rules: points,
    };
    expect((await evaluate(spec, { score: 35 })).result).toEqual([5, 3, 8]);
    expect((await evaluate(spec, { score: 5 })).result).toEqual([]);
  });

  it.each([
    ['SUM', 35, 16, null],
    ['MIN', 35, 3, null],
    ['MAX', 35, 8, null],
    ['COUNT', 25, 2, 0],
  ])('COLLECT %s aggregates the outputs of the matches', async (aggregation, score, expected, whenNone) => {
    const spec: TableSpec = {
      hitPolicy: 'COLLECT',
      aggregation,
      inputs: ['score'],
      outputs: [{ name: 'points' }],
      rules: points,
    };
    const hit = await evaluate(spec, { score });
    expect(hit.result).toBe(expected);
    expect(hit.evaluatedDecisions[0].matchedRules.length).toBe(aggregation === 'COUNT' ? 2 : 3);
    expect((await evaluate(spec, { score: 5 })).result).toBe(whenNone);
  });

  it('COLLECT SUM of non-numbers is a failure', async () => {
    const spec: TableSpec = {
      hitPolicy: 'COLLECT',
      aggregation: 'SUM',
      inputs: ['x'],
      outputs: [{ name: 'o' }],
      rules: [{ in: ['-'], out: ['"a"'] }],
    };
    await expect(evaluate(spec, { x: 1 })).rejects.toThrow(/SUM needs numbers/);
  });

  it('multiple inputs: a rule matches only when every cell holds; FEEL ranges, lists and negation', async () => {
    const spec: TableSpec = {
      hitPolicy: 'FIRST',
      inputs: ['amount', 'region', 'order.priority'],
      outputs: [{ name: 'route' }],
      rules: [
        { in: ['[1..100]', '"north","south"', 'not("low")'], out: ['"fast"'] },
        { in: ['-', '-', '-'], out: ['"normal"'] },
      ],
    };
    expect((await evaluate(spec, { amount: 50, region: 'south', order: { priority: 'high' } })).result).toBe(
      'fast',
    );
    expect((await evaluate(spec, { amount: 50, region: 'south', order: { priority: 'low' } })).result).toBe(
      'normal',
    );
    expect((await evaluate(spec, { amount: 150, region: 'north', order: { priority: 'high' } })).result).toBe(
      'normal',
    );
  });

  it('output entries are FEEL expressions over the variables; a default output applies when nothing matches', async () => {
    const spec: TableSpec = {
      hitPolicy: 'UNIQUE',
      inputs: ['amount'],
      outputs: [{ name: 'fee', default: '0' }],
      rules: [{ in: ['> 100'], out: ['amount * 0.1'] }],
    };
    expect((await evaluate(spec, { amount: 200 })).result).toBe(20);
    expect((await evaluate(spec, { amount: 50 })).result).toBe(0);
  });

  it('an unknown function in a cell is a failure, not a silent null', async () => {
    const spec: TableSpec = {
      inputs: ['amount'],
      outputs: [{ name: 'o' }],
      rules: [{ in: ['-'], out: ['unknownFn(amount)'] }],
    };
    await expect(evaluate(spec, { amount: 1 })).rejects.toThrow(/decision decision: rule 1/);
  });
});
