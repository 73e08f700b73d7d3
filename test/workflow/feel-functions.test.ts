/**
 * Camunda's FEEL on the real time-skipping server: the FeelFunctions.camunda fixture, with
 * today() read from workflow time; a failed assert() is an incident with its cause.
 */
import { analyseBpmn } from '../../model/deploy-model';
import { snapshotQuery } from '../../workflows/protocol';
import { fixture } from '../unit/model/fixtures';
import { ConformanceEnv } from './support/conformance-env';
import { maybeRecordHistory } from './support/histories';
import { waitFor } from './support/wait';

jest.setTimeout(120_000);
const t = new ConformanceEnv();
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const graphOf = async () => {
  const { errors, graphs } = await analyseBpmn(fixture('FeelFunctions.camunda'));
  expect(errors).toEqual([]);
  return graphs[0];
};

it('FeelFunctions.camunda evaluates every Camunda function as Camunda does', async () => {
  const h = await t.start(await graphOf(), { tags: ['a', 'b'], code: 'A12-B345', amount: 5 });
  const { state, variables } = await h.result();
  expect(state).toBe('COMPLETED');
  expect(variables).toMatchObject({
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
    checked: 5,
  });
  expect(variables.stamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{4}-\d{2}-\d{2}$/);
  await maybeRecordHistory('feel-functions', h);
});

it('a failed assert() is an expression incident carrying its cause', async () => {
  const h = await t.start(await graphOf(), { tags: [], code: '', amount: -1 });
  const incident = await waitFor(async () => (await h.query(snapshotQuery)).incidents[0], 'an incident');
  expect(incident).toMatchObject({
    elementId: 'Checked',
    kind: 'expression',
    message: expect.stringContaining('amount must be positive'),
  });
  await h.cancel();
  expect(await h.result()).toMatchObject({ state: 'TERMINATED' });
});
