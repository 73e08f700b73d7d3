import { analyseBpmn } from '../../../../model/deploy-model';
import { fixture } from '../fixtures';

describe('compile: sequence flow conditions', () => {
  it('rejects a condition on a flow that does not leave an exclusive or inclusive gateway', async () => {
    const xml = fixture('Deployment.without-di').replace(
      '<bpmn:sequenceFlow id="Flow_Start_Work" sourceRef="Start" targetRef="Work" />',
      '<bpmn:sequenceFlow id="Flow_Start_Work" sourceRef="Start" targetRef="Work"><bpmn:conditionExpression>=ready</bpmn:conditionExpression></bpmn:sequenceFlow>',
    );

    const { errors, graphs } = await analyseBpmn(xml);

    expect(graphs).toEqual([]);
    expect(errors).toEqual([
      { elementId: 'Flow_Start_Work', rule: 'compile', message: expect.stringContaining('gateways') },
    ]);
  });

  it('rejects a non-FEEL condition (e.g. a Camunda 7 ${...} expression) on a gateway flow', async () => {
    const xml = fixture('Gateways.modeler').replace('=amount &gt; 1000', '${amount &gt; 1000}');

    const { errors } = await analyseBpmn(xml);

    expect(errors).toEqual([
      { elementId: 'Large', rule: 'compile', message: expect.stringContaining('FEEL') },
    ]);
  });
});
