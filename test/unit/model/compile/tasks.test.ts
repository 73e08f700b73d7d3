import { compileFixture } from '../fixtures';

describe('compile: tasks (Tasks.modeler)', () => {
  it('compiles a service task with type, retries, headers and io mapping', async () => {
    const graph = await compileFixture('Tasks.modeler');

    expect(graph.nodes.Service).toEqual({
      id: 'Service',
      name: 'Check credit',
      kind: 'serviceTask',
      parent: 'tasks',
      incoming: ['Flow_Start_Service'],
      outgoing: ['Flow_Service_Send'],
      taskType: 'credit-check',
      retries: '5',
      headers: { region: 'EU', mode: 'strict' },
      inputs: [
        { source: '=order.customer', target: 'customer' },
        { source: 'static', target: 'note' },
      ],
      outputs: [{ source: '=result.score', target: 'score' }],
    });
  });

  it('defaults retries to "3" and keeps FEEL job types as written', async () => {
    const { nodes } = await compileFixture('Tasks.modeler');

    expect(nodes.Send).toMatchObject({
      kind: 'sendTask',
      taskType: '="notify-" + channel',
      retries: '3',
      headers: {},
    });
  });

  it('compiles a script task to its FEEL expression and result variable', async () => {
    const { nodes } = await compileFixture('Tasks.modeler');

    expect(nodes.Script).toMatchObject({
      kind: 'scriptTask',
      expression: '=sum(items.price)',
      resultVariable: 'total',
    });
  });

  it('compiles a user task with assignment, form, schedule and headers', async () => {
    const { nodes } = await compileFixture('Tasks.modeler');

    expect(nodes.Review).toMatchObject({
      kind: 'userTask',
      assignee: '=initiator',
      candidateGroups: 'sales, legal',
      candidateUsers: 'alice',
      formId: 'contract-review-form',
      dueDate: '=now() + duration("P2D")',
      followUpDate: '2025-01-31T09:00:00+08:00',
      headers: { kind: 'review' },
    });
  });

  it('compiles a receive task with the message name and the correlation key of its message', async () => {
    const { nodes } = await compileFixture('Tasks.modeler');

    expect(nodes.Receive).toMatchObject({
      kind: 'receiveTask',
      messageName: 'contract-signed',
      correlationKey: '=contractNo',
    });
  });

  it('compiles plain and manual tasks as pass-through nodes', async () => {
    const { nodes } = await compileFixture('Tasks.modeler');

    expect(nodes.Plain.kind).toBe('task');
    expect(nodes.Manual.kind).toBe('manualTask');
    expect(nodes.Manual.outgoing).toEqual(['Flow_Manual_End']);
  });
});
