import { compileFixture } from '../fixtures';

describe('compile: subprocesses and call activities (Subprocesses.modeler)', () => {
  it('flattens subprocess children into nodes with the subprocess as parent', async () => {
    const { nodes, flows } = await compileFixture('Subprocesses.modeler');

    expect(nodes.Handle).toMatchObject({
      kind: 'subProcess',
      triggeredByEvent: false,
      parent: 'subprocesses',
      inputs: [{ source: '=order.id', target: 'orderId' }],
    });
    expect(nodes.HandleStart.parent).toBe('Handle');
    expect(nodes.Pack).toMatchObject({ parent: 'Handle', kind: 'serviceTask', taskType: 'pack' });
    expect(flows.Flow_Pack_HandleEnd).toMatchObject({ source: 'Pack', target: 'HandleEnd' });
  });

  it('compiles an event subprocess with a non-interrupting timer start', async () => {
    const { nodes } = await compileFixture('Subprocesses.modeler');

    expect(nodes.Watch).toMatchObject({
      kind: 'subProcess',
      triggeredByEvent: true,
      incoming: [],
      outgoing: [],
    });
    expect(nodes.WatchStart).toMatchObject({
      parent: 'Watch',
      interrupting: false,
      event: { type: 'timer', timer: { kind: 'duration', expression: 'PT1H' } },
    });
  });

  it('compiles call activities with Zeebe defaults and explicit settings', async () => {
    const { nodes } = await compileFixture('Subprocesses.modeler');

    expect(nodes.Ship).toMatchObject({
      kind: 'callActivity',
      calledElement: 'shipping',
      binding: 'deployment',
      propagateAllChildVariables: false,
      propagateAllParentVariables: true,
    });
    expect(nodes.Bill).toMatchObject({
      calledElement: '=billingProcess',
      binding: 'latest',
      propagateAllChildVariables: true,
    });
  });
});
