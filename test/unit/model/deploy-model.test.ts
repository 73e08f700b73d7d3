import { analyseBpmn, serviceTaskTypes } from '../../../model/deploy-model';
import { compileFixture, fixture } from './fixtures';

describe('analyseBpmn', () => {
  it('compiles a Camunda Modeler export unchanged: pools, lanes, artifacts, templates', async () => {
    const graph = await compileFixture('Collaboration.camunda-modeler-export');

    expect(graph.processId).toBe('order');
    expect(graph.name).toBe('Order handling');
    expect(Object.keys(graph.nodes)).toEqual(['Start', 'Notify', 'End']);
    expect(graph.nodes.Notify).toMatchObject({
      taskType: 'io.camunda:slack:1',
      headers: { resultVariable: 'slackResult' },
    });
  });

  it('reads starterGroups from zeebe:properties, trimmed, empty entries dropped', async () => {
    const graph = await compileFixture('Collaboration.camunda-modeler-export');

    expect(graph.starterGroups).toEqual(['sales', 'csr']);
  });

  it('yields one graph per executable process', async () => {
    const { errors, graphs } = await analyseBpmn(fixture('Deployment.two-executable-processes'));

    expect(errors).toEqual([]);
    expect(graphs.map((g) => g.processId)).toEqual(['first', 'second']);
    expect(graphs[1].nodes.SecondWork.parent).toBe('second');
  });

  it('accepts BPMN without DI, with a warning per element', async () => {
    const { errors, warnings, graphs } = await analyseBpmn(fixture('Deployment.without-di'));

    expect(errors).toEqual([]);
    expect(graphs).toHaveLength(1);
    expect(warnings.filter((w) => w.rule === 'no-bpmndi').map((w) => w.elementId)).toEqual(
      expect.arrayContaining(['Start', 'Work', 'End']),
    );
  });

  it('produces plain JSON: the graph survives a JSON round trip unchanged', async () => {
    const graph = await compileFixture('Events.modeler');

    expect(JSON.parse(JSON.stringify(graph))).toStrictEqual(graph);
  });

  it('gives the same answer twice in a row (no linter state carried over)', async () => {
    const first = await analyseBpmn(fixture('Gateways.modeler'));
    const second = await analyseBpmn(fixture('Gateways.modeler'));

    expect(second.errors).toEqual([]);
    expect(second).toEqual(first);
  });
});

describe('serviceTaskTypes', () => {
  it('lists every static job type with its element, leaving FEEL types out', async () => {
    const tasks = await compileFixture('Tasks.modeler');
    const events = await compileFixture('Events.modeler');

    expect(serviceTaskTypes(tasks)).toEqual([{ elementId: 'Service', taskType: 'credit-check' }]);
    expect(serviceTaskTypes(events)).toEqual([
      { elementId: 'Work', taskType: 'work' },
      { elementId: 'Announce', taskType: 'announce' },
      { elementId: 'Done', taskType: 'send-receipt' },
    ]);
  });

  it('lists the job types of execution and task listeners too, once per element', async () => {
    const listeners = await compileFixture('Listeners.execution');
    expect(serviceTaskTypes(listeners)).toEqual([
      { elementId: 'listeners-execution', taskType: 'listen' },
      { elementId: 'Start', taskType: 'listen' },
      { elementId: 'Prepare', taskType: 'echo' },
      { elementId: 'Prepare', taskType: 'route' },
      { elementId: 'Prepare', taskType: 'listen' },
      { elementId: 'Route', taskType: 'route' },
      { elementId: 'End', taskType: 'listen' },
    ]);
    expect(serviceTaskTypes(await compileFixture('Listeners.task'))).toEqual([
      { elementId: 'Review', taskType: 'assign-reviewer' },
      { elementId: 'Review', taskType: 'listen' },
      { elementId: 'Review', taskType: 'require-approval' },
    ]);
  });
});
