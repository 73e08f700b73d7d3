import { compileFixture } from '../fixtures';

describe('compile: events (Events.modeler)', () => {
  it('compiles a message start event with its message name', async () => {
    const { nodes } = await compileFixture('Events.modeler');

    expect(nodes.Start).toMatchObject({
      kind: 'startEvent',
      interrupting: true,
      event: { type: 'message', messageName: 'order-placed' },
    });
  });

  it('attaches boundary events to their activity, interrupting or not', async () => {
    const { nodes } = await compileFixture('Events.modeler');

    expect(nodes.Work.boundaryEvents).toEqual(['Reminder', 'Failed', 'Cancelled']);
    expect(nodes.Reminder).toMatchObject({
      kind: 'boundaryEvent',
      attachedTo: 'Work',
      cancelActivity: false,
      event: { type: 'timer', timer: { kind: 'cycle', expression: 'R/PT1H' } },
    });
    expect(nodes.Failed).toMatchObject({
      cancelActivity: true,
      event: { type: 'error', errorCode: 'REJECTED' },
    });
    expect(nodes.Cancelled).toMatchObject({
      event: { type: 'message', messageName: 'order-cancelled', correlationKey: '=orderId' },
    });
  });

  it('compiles intermediate timer and message catches', async () => {
    const { nodes } = await compileFixture('Events.modeler');

    expect(nodes.Wait).toMatchObject({
      kind: 'intermediateCatchEvent',
      event: { type: 'timer', timer: { kind: 'duration', expression: 'PT5M' } },
    });
    expect(nodes.Paid).toMatchObject({
      event: { type: 'message', messageName: 'payment-received', correlationKey: '=orderId' },
    });
  });

  it('compiles escalation throws and message throws with their job type', async () => {
    const { nodes } = await compileFixture('Events.modeler');

    expect(nodes.Escalate).toMatchObject({
      kind: 'intermediateThrowEvent',
      event: { type: 'escalation', escalationCode: 'LATE' },
    });
    expect(nodes.Escalate).not.toHaveProperty('taskType');
    expect(nodes.Announce).toMatchObject({ taskType: 'announce', retries: '1', event: { type: 'message' } });
    expect(nodes.Done).toMatchObject({
      kind: 'endEvent',
      taskType: 'send-receipt',
      retries: '3',
      event: { type: 'message', messageName: '' },
    });
  });

  it('compiles error and terminate end events', async () => {
    const { nodes } = await compileFixture('Events.modeler');

    expect(nodes.Rejected).toMatchObject({
      kind: 'endEvent',
      event: { type: 'error', errorCode: 'REJECTED' },
    });
    expect(nodes.Stop).toMatchObject({ kind: 'endEvent', event: { type: 'terminate' } });
    expect(nodes.Reminded).toMatchObject({ kind: 'endEvent', event: { type: 'none' } });
  });
});
