/**
 * Execution and task listeners on the real time-skipping server, from the compiled fixtures:
 * each listener is a job on the same path as a service task's (here in-process handlers of
 * the test backend), run in order while its element waits. The execution-listener run is
 * recorded for replay; runs with a completeTask / retryIncident Update are not (see histories.ts).
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { completeTaskUpdate, retryIncidentUpdate, snapshotQuery } from '../../workflows/protocol';
import { compileFixture } from '../unit/model/fixtures';
import { ConformanceEnv } from './support/conformance-env';
import { maybeRecordHistory } from './support/histories';
import { rejectedWith } from './support/update-rejection';
import { waitFor } from './support/wait';

jest.setTimeout(120_000);
const t = new ConformanceEnv();
beforeAll(() => t.setUp());
afterAll(() => t.tearDown());

const logOf = (processElements: string[]) =>
  t.backend.jobLog
    .filter((j) => processElements.includes(j.elementId))
    .map((j) => `${j.elementId}:${j.listener ?? 'job'}`);

it('Listeners.execution: listeners run as jobs in order, start listeners see the inputs, their variables stay local', async () => {
  const h = await t.start(await compileFixture('Listeners.execution'), { amount: 21 });
  expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { amount: 21, appliedDiscount: 5 } });
  expect(logOf(['listeners-execution', 'Start', 'Prepare', 'Route', 'End'])).toEqual([
    'listeners-execution:start',
    'Start:end',
    'Prepare:start',
    'Prepare:start',
    'Prepare:job',
    'Prepare:end',
    'Route:start',
    'End:start',
    'listeners-execution:end',
  ]);
  const prepare = t.backend.jobLog.filter((j) => j.elementId === 'Prepare');
  expect(prepare[0].variables).toEqual({ amount: 21, doubled: 42 });
  expect(prepare[2].variables).toMatchObject({ doubled: 42, discount: 5, route: 'b' });
  expect(prepare[3].variables).toMatchObject({ appliedDiscount: 5 });
  expect(await t.trace(h)).toEqual(['Start', 'Prepare', 'Route', 'B', 'End']);
  await maybeRecordHistory('listeners-execution', h);
});

it('Listeners.incident: a listener job out of retries is an incident on its element; the retry runs it again', async () => {
  t.backend.failFlaky = true;
  const h = await t.start(await compileFixture('Listeners.incident'));
  const incident = await waitFor(async () => {
    const snapshot = await h.query(snapshotQuery);
    return snapshot.incidents.find((i) => !i.resolved);
  }, 'listener incident');
  expect(incident).toMatchObject({
    elementId: 'Work',
    kind: 'job-failed',
    message: expect.stringMatching(/downstream/),
  });
  expect(t.backend.jobLog.filter((j) => j.elementId === 'Work' && !j.listener)).toEqual([]);
  t.backend.failFlaky = false;
  await h.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.incidentId }] });
  expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { WorkDone: true } });
});

it('Listeners.task: a creating listener corrects the assignee, a completing listener denies, then lets it complete', async () => {
  const h = await t.start(await compileFixture('Listeners.task'), { region: 'east' });
  const task = await waitFor(() => t.openTasks('Review')[0], 'review task open');
  expect(task).toMatchObject({
    assignee: 'li.lei',
    dueDate: '2024-01-05T09:00:00+08:00',
    candidateGroups: ['sales'],
  });
  expect(logOf(['Review'])).toEqual(['Review:creating', 'Review:assigning']);

  const complete = (approved: boolean) =>
    h.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.taskId, user: 'li.lei', groups: ['sales'], variables: { approved } }],
    });
  const denied = await complete(false).catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(WorkflowUpdateFailedError);
  expect(denied).toMatchObject(rejectedWith(/^TASK\.COMPLETION_DENIED$/));
  expect((denied as WorkflowUpdateFailedError).cause?.message).toMatch(/approval missing/);
  expect(t.openTasks('Review')).toHaveLength(1);
  expect((await h.query(snapshotQuery)).openTasks).toHaveLength(1);

  await complete(true);
  expect(await h.result()).toEqual({ state: 'COMPLETED', variables: { region: 'east', approved: true } });
  expect(logOf(['Review'])).toEqual([
    'Review:creating',
    'Review:assigning',
    'Review:completing',
    'Review:completing',
  ]);
});
