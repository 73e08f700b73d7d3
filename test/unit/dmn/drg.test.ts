import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseDmn } from '../../../model/dmn/analyse-dmn';
import { evaluateDecision } from '../../../model/dmn/evaluate/evaluate-decision';
import { tableXml } from './table-xml';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/dmn', name), 'utf8');

describe('decision requirements graph and literal expressions', () => {
  it('evaluates required decisions first and reads their results by decision id', async () => {
    const { graph, errors } = await analyseDmn(fixture('Dmn.drg.dmn'));
    expect(errors).toEqual([]);
    expect(graph!.decisions.discount).toMatchObject({ versionTag: 'v1', requires: ['customerTier'] });
    const gold = evaluateDecision(graph!, 'discount', { orders: 150 });
    expect(gold.result).toBe(0.2);
    expect(gold.evaluatedDecisions.map((d) => [d.decisionId, d.decisionType, d.result])).toEqual([
      ['customerTier', 'decisionTable', 'gold'],
      ['discount', 'literalExpression', 0.2],
    ]);
    expect(evaluateDecision(graph!, 'discount', { orders: 12 }).result).toBe(0.1);
    expect(evaluateDecision(graph!, 'discount', { orders: 1 }).result).toBe(0);
    // The required decision alone does not evaluate its dependants.
    expect(evaluateDecision(graph!, 'customerTier', { orders: 1 }).evaluatedDecisions).toHaveLength(1);
  });

  it('a cycle of required decisions is a deploy error', async () => {
    const { graph, errors } = await analyseDmn(fixture('Dmn.drg-cycle.dmn'));
    expect(graph).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({ rule: 'dmn-required-decision', message: expect.stringMatching(/cycle/) }),
    ]);
  });

  it('a required decision missing from the file is a deploy error on the requiring decision', async () => {
    const { errors } = await analyseDmn(fixture('Dmn.drg-missing.dmn'));
    expect(errors).toEqual([
      {
        elementId: 'discount',
        rule: 'dmn-required-decision',
        message: 'Required decision "loyalty" is not in this file.',
      },
    ]);
  });

  it('rejects unreadable input, bad FEEL, wrong cell counts and hit policy misuse with element ids', async () => {
    expect((await analyseDmn('')).errors[0].rule).toBe('document-empty');
    expect((await analyseDmn('<!DOCTYPE x><definitions/>')).errors[0].rule).toBe('xml-doctype');
    expect((await analyseDmn('<definitions')).errors[0].rule).toBe('xml-syntax');
    const bad = await analyseDmn(
      tableXml({
        hitPolicy: 'FIRST',
        aggregation: 'SUM',
        inputs: ['amount >'],
        outputs: [{ name: 'a' }],
        rules: [{ in: ['[1..'], out: ['1', '2'] }],
      }),
    );
    expect(bad.errors.map((e) => [e.elementId, e.rule])).toEqual([
      ['table', 'dmn-hit-policy'],
      ['in0', 'dmn-feel-syntax'],
      ['r1', 'dmn-rule'],
      ['r1', 'dmn-feel-syntax'],
    ]);
    const priority = await analyseDmn(
      tableXml({ hitPolicy: 'PRIORITY', inputs: ['x'], outputs: [{ name: 'a' }], rules: [] }),
    );
    expect(priority.errors[0].message).toMatch(/PRIORITY needs output values/);
  });
});
