/**
 * Camunda's FEEL as the engine evaluates it: the extension functions, now()/today() on the
 * step's clock, unknown functions failing instead of yielding null, and every listed name
 * being callable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateValue, ExpressionError } from '../../../engine/feel';
import { inFeelSession } from '../../../engine/feel-session';
import { analyseBpmn } from '../../../model/deploy-model';
import { FEEL_FUNCTIONS } from '../../../model/feel-functions';
import { feelUnknownFunctions } from '../../../model/feel-syntax';
import { Driver } from './support/driver';

const feel = (expression: string, variables: Record<string, unknown> = {}) =>
  evaluateValue(`=${expression}`, variables);

describe('Camunda FEEL extension functions', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['is defined(x)', {}, false],
    ['is defined(x)', { x: 0 }, true],
    ['is defined(x.y)', { x: {} }, false],
    ['get or else(x, "d")', {}, 'd'],
    ['get or else(x, "d")', { x: 'v' }, 'v'],
    ['assert(x, x > 1)', { x: 2 }, 2],
    ['extract("a1b22c333", "[0-9]+")', {}, ['1', '22', '333']],
    ['string join(["a", "b", null])', {}, 'ab'],
    ['string join(["a", "b"], "-")', {}, 'a-b'],
    ['string join(["a", "b"], ", ", "[", "]")', {}, '[a, b]'],
    ['is blank(" ")', {}, true],
    ['is blank("x")', {}, false],
    ['trim("  x ")', {}, 'x'],
    ['to base64("Zeebe ✓")', {}, Buffer.from('Zeebe ✓').toString('base64')],
    ['is empty([])', {}, true],
    ['duplicate values([1, 2, 2, "a", "a", 3])', {}, [2, 'a']],
    ['partition([1, 2, 3], 2)', {}, [[1, 2], [3]]],
    ['partition([1, 2, 3], 0)', {}, null],
    ['get value({a: {b: 1}}, ["a", "b"])', {}, 1],
    ['get value({a: 1}, "a")', {}, 1],
    ['get value({a: 1}, "z")', {}, null],
    ['context put({a: 1}, "b", 2)', {}, { a: 1, b: 2 }],
    ['context put({a: {x: 1}}, ["a", "y"], 2)', {}, { a: { x: 1, y: 2 } }],
    ['context put({}, ["b", "c"], 2)', {}, { b: { c: 2 } }],
    ['context merge([{a: 1}, {b: 2}])', {}, { a: 1, b: 2 }],
    ['get entries({a: 1})', {}, [{ key: 'a', value: 1 }]],
    ['string(last day of month(date("2024-02-10")))', {}, '2024-02-29'],
    ['matches(uuid(), "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")', {}, true],
    ['random number() >= 0 and random number() < 1', {}, true],
  ])('%s with %j is %j', (expression, variables, expected) => {
    expect(feel(expression, variables)).toEqual(expected);
  });

  it('assert fails the evaluation with its cause', () => {
    expect(() => feel('assert(x, x > 0, "x must be positive")', { x: -1 })).toThrow(
      new ExpressionError('\'assert(x, x > 0, "x must be positive")\': x must be positive'),
    );
  });

  it('now() and today() read the step clock in the plant zone, not the machine clock', () => {
    // 2024-01-31T20:30Z is already 1 February in Shanghai.
    const at = Date.UTC(2024, 0, 31, 20, 30, 0);
    const read = (expression: string) =>
      inFeelSession({ now: at, timeZone: 'Asia/Shanghai' }, () => feel(expression));
    expect(read('string(today())')).toBe('2024-02-01');
    expect(read('string(now())')).toBe('2024-02-01T04:30:00@Asia/Shanghai');
    expect(read('now() = date and time("2024-01-31T20:30:00Z")')).toBe(true);
  });

  it('random number() and uuid() repeat in a replayed step', () => {
    const draw = () =>
      inFeelSession({ now: 1, timeZone: 'UTC', seed: 42 }, () => [feel('random number()'), feel('uuid()')]);
    expect(draw()).toEqual(draw());
  });

  it('an unknown function is an error naming it, never a silent null', () => {
    expect(() => feel('lookup(x) = null', { x: 1 })).toThrow(/unknown function 'lookup'/);
    expect(() => feel('{f: 1, r: f(2)}.r')).toThrow(/unknown function 'f'/);
  });

  it.each(FEEL_FUNCTIONS.map((f) => [f.name, f.origin]))('%s (%s) is a function the engine knows', (name) => {
    let outcome: unknown;
    try {
      outcome = feel(`${name}()`);
    } catch (err) {
      outcome = err;
    }
    expect(String(outcome)).not.toMatch(/unknown function/);
  });
});

describe('deploy-time check of FEEL function names', () => {
  it.each<[string, string[]]>([
    ['=get or else(x, 1) + count([1])', []],
    ['=lookup(x)', ['lookup']],
    ['={f: function(a) a + 1}.f(2)', []],
    ['={g: function(a) a, r: g(1)}.r', []],
    ['=string join(for i in list return upper case(i))', []],
    ['=foo(1) + bar(foo(2))', ['foo', 'bar']],
  ])('%s calls unknown %j', (expression, unknown) => {
    expect(feelUnknownFunctions(expression)).toEqual(unknown);
  });

  it('a diagram calling an unknown function is rejected with the element id; Camunda functions deploy', async () => {
    const fixture = (name: string) => readFileSync(join(__dirname, `../../fixtures/${name}.bpmn`), 'utf8');
    const unknown = await analyseBpmn(fixture('FeelFunctions.unknown'));
    expect(unknown.errors).toEqual([
      { elementId: 'Unknown', rule: 'engine/feel-syntax', message: expect.stringContaining("'lookup'") },
    ]);
    expect((await analyseBpmn(fixture('FeelFunctions.camunda'))).errors).toEqual([]);
  });

  it('the Camunda functions fixture runs in the core with the values Camunda gives', async () => {
    const { graphs } = await analyseBpmn(
      readFileSync(join(__dirname, '../../fixtures/FeelFunctions.camunda.bpmn'), 'utf8'),
    );
    const d = new Driver(graphs[0]).start({ tags: ['a', 'b'], code: 'A12-B345', amount: 5 });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.result).toMatchObject({
      defined: false,
      fallback: 'n/a',
      joined: '[a, b]',
      digits: ['12', '345'],
      pairs: [[1, 2], [3, 4], [5]],
      dupes: [2, 3],
      put: { a: 1, b: { c: 2 } },
      deep: 7,
      merged: { a: 1, b: 2 },
      blank: true,
      stamp: '2024-01-01 2024-01-31',
      checked: 5,
    });
  });
});
