/** Link events on the real time-skipping server, from the compiled fixture (and recorded for replay). */
import { analyseBpmn } from '../../model/deploy-model';
import { fixture } from '../unit/model/fixtures';
import { ConformanceEnv } from './support/conformance-env';
import { maybeRecordHistory } from './support/histories';

jest.setTimeout(120_000);
const t = new ConformanceEnv();
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

it('Link.jump runs through its link throw and catch', async () => {
  const { errors, graphs } = await analyseBpmn(fixture('Link.jump'));
  expect(errors).toEqual([]);
  const h = await t.start(graphs[0]);
  expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { prepared: 1, archived: 2 } });
  expect(await t.trace(h)).toEqual(['Start', 'Prepare', 'ToArchive', 'Archived', 'Archive', 'End']);
  await maybeRecordHistory('link-jump', h);
});
