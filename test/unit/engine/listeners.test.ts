/**
 * Execution and task listeners in the pure core, on the compiled fixtures: each listener is a
 * job, run in order while its element waits; a start listener sees the input mappings and its
 * variables stay local to the element; a task listener corrects or denies.
 */
import type { ScheduleActivity } from '../../../engine';
import { compileFixture } from '../model/fixtures';
import { Driver } from './support/driver';

const open = (d: Driver): ScheduleActivity[] => [...d.jobs.values()];
const only = (d: Driver): ScheduleActivity => {
  expect(open(d)).toHaveLength(1);
  return open(d)[0];
};

/** Completes the one open job and says which it was: `<element>:<listener event or "job">`. */
function step(d: Driver, variables?: Record<string, unknown>): string {
  const job = only(d);
  d.jobs.delete(job.jobKey);
  d.send({ type: 'activityCompleted', jobKey: job.jobKey, variables });
  return `${job.elementId}:${job.listener?.eventType ?? 'job'}`;
}

describe('execution listeners', () => {
  it('run as jobs in order around each element, blocking it, the process first and last', async () => {
    const d = new Driver(await compileFixture('Listeners.execution')).start({ amount: 21 });
    expect(only(d)).toMatchObject({
      elementId: 'listeners-execution',
      taskType: 'listen',
      retries: 3,
      listener: { kind: 'executionListener', eventType: 'start' },
    });
    expect(d.active()).toEqual([]); // the start event waits for the process's start listener
    const seen = [step(d), step(d)];
    // Prepare: its input mapping is applied before its start listeners, which see it.
    expect(only(d)).toMatchObject({ taskType: 'route', retries: 2, variables: { amount: 21, doubled: 42 } });
    seen.push(step(d, { route: 'a', discount: 5 }));
    expect(only(d).variables).toMatchObject({ discount: 5, route: 'a' });
    seen.push(step(d));
    expect(only(d)).toMatchObject({ taskType: 'echo', variables: { doubled: 42, discount: 5 } });
    seen.push(step(d, { PrepareDone: true }));
    // The end listener runs after the output mappings.
    expect(only(d).variables).toMatchObject({ appliedDiscount: 5 });
    seen.push(step(d));
    // The gateway's start listener decides the route: its variable is local to the gateway.
    seen.push(step(d, { route: 'b' }));
    seen.push(step(d), step(d));
    expect(seen).toEqual([
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
    expect(d.trace()).toEqual(['Start', 'Prepare', 'Route', 'B', 'End']);
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.result).toEqual({ amount: 21, appliedDiscount: 5 });
  });

  it('a failed listener job is an incident on its element; the retry runs that listener again', async () => {
    const d = new Driver(await compileFixture('Listeners.incident')).start();
    const job = only(d);
    expect(job).toMatchObject({ elementId: 'Work', taskType: 'flaky', retries: 1 });
    d.jobs.delete(job.jobKey);
    d.send({ type: 'activityFailed', jobKey: job.jobKey, message: 'downstream unavailable' });
    const [incident] = d.state.incidents;
    expect(incident).toMatchObject({ elementId: 'Work', kind: 'job-failed', resolved: false });
    expect(open(d)).toEqual([]);
    d.send({ type: 'incidentRetried', incidentId: incident.incidentId });
    expect(only(d)).toMatchObject({ elementId: 'Work', taskType: 'flaky', listener: { eventType: 'start' } });
    expect(step(d)).toBe('Work:start');
    expect(step(d, { WorkDone: true })).toBe('Work:job');
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.incidents[0].resolved).toBe(true);
  });

  it('cancelling the instance cancels a running listener job', async () => {
    const d = new Driver(await compileFixture('Listeners.incident')).start();
    const job = only(d);
    d.send({ type: 'cancel' });
    expect(d.commands).toContainEqual({ type: 'cancelActivity', jobKey: job.jobKey });
    expect(d.state.status).toBe('TERMINATED');
  });

  it('a BPMN error thrown by a listener job is an incident, not caught', async () => {
    const d = new Driver(await compileFixture('Listeners.incident')).start();
    const job = only(d);
    d.jobs.delete(job.jobKey);
    d.send({ type: 'activityError', jobKey: job.jobKey, error: { errorCode: 'E1' } });
    expect(d.state.incidents[0].message).toMatch(/cannot throw a BPMN error/);
  });
});

describe('task listeners', () => {
  const taskOf = (d: Driver) => Object.values(d.state.tasks)[0];

  async function openReview(): Promise<Driver> {
    const d = new Driver(await compileFixture('Listeners.task')).start({ region: 'east' });
    expect(only(d)).toMatchObject({
      elementId: 'Review',
      taskType: 'assign-reviewer',
      listener: { kind: 'taskListener', eventType: 'creating' },
      userTask: { candidateGroups: ['sales'], candidateUsers: [] },
    });
    expect(d.state.tasks).toEqual({}); // not open while its creating listeners run
    step(d, { result: { corrections: { assignee: 'li.lei', dueDate: '2024-01-05T09:00:00+08:00' } } });
    // It now has an assignee: the assigning listeners (written with the older name "assignment") run.
    expect(only(d)).toMatchObject({
      taskType: 'listen',
      listener: { eventType: 'assigning' },
      userTask: { assignee: 'li.lei' },
    });
    step(d);
    return d;
  }

  it('creating corrections shape the task before it opens, then assigning listeners run', async () => {
    const d = await openReview();
    expect(taskOf(d)).toMatchObject({ assignee: 'li.lei', dueDate: '2024-01-05T09:00:00+08:00' });
    const opened = d.commands.filter((c) => c.type === 'openUserTask');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ task: { assignee: 'li.lei', candidateGroups: ['sales'] } });
  });

  it('a completing listener that denies keeps the task open and says why; a later completion goes through', async () => {
    const d = await openReview();
    const taskId = taskOf(d).taskId;
    d.send({ type: 'taskCompleted', taskId, user: 'li.lei', variables: { approved: false } });
    expect(only(d)).toMatchObject({
      taskType: 'require-approval',
      listener: { eventType: 'completing' },
      variables: { region: 'east', approved: false },
    });
    // A second completion while the first is judged is not taken.
    d.send({ type: 'taskCompleted', taskId, user: 'li.lei', variables: { approved: true } });
    expect(open(d)).toHaveLength(1);
    step(d, { result: { denied: true, deniedReason: 'approval missing' } });
    expect(d.commands.at(-1)).toEqual({
      type: 'taskCompletionDenied',
      taskId,
      deniedReason: 'approval missing',
    });
    expect(taskOf(d)).toMatchObject({ taskId });
    expect(d.state.variables['0']).toEqual({ region: 'east' });

    d.send({ type: 'taskCompleted', taskId, user: 'li.lei', variables: { approved: true } });
    step(d, { result: { corrections: { assignee: 'wang.fang' } } });
    expect(d.commands).toContainEqual({
      type: 'correctUserTask',
      task: expect.objectContaining({ assignee: 'wang.fang' }),
    });
    expect(d.state.status).toBe('COMPLETED');
    expect(d.state.result).toEqual({ region: 'east', approved: true });
    expect(d.state.timeline.map((e) => e.event)).toContain('task-completion-denied');
  });

  it('a task listener that returns variables, or an unknown correction, is an incident', async () => {
    const d = new Driver(await compileFixture('Listeners.task')).start();
    step(d, { approved: true });
    expect(d.state.incidents[0]).toMatchObject({ elementId: 'Review', kind: 'job-failed' });
    expect(d.state.incidents[0].message).toMatch(/not variables/);
    d.send({ type: 'incidentRetried', incidentId: d.state.incidents[0].incidentId });
    step(d, { result: { corrections: { name: 'x' } } });
    expect(d.state.incidents[1].message).toMatch(/"name" cannot be corrected/);
  });

  it('terminating a task whose completion is being judged closes its record', async () => {
    const d = await openReview();
    const taskId = taskOf(d).taskId;
    d.send({ type: 'taskCompleted', taskId, user: 'li.lei' });
    d.send({ type: 'cancel' });
    expect(d.commands).toContainEqual({ type: 'closeUserTask', taskId, outcome: 'cancelled' });
  });
});
