import { DECISION_TASK_TYPE } from '../../../../model/process-graph';
import { compileFixture } from '../fixtures';

describe('compile: business rule tasks (CalledDecision.valid)', () => {
  it('a called decision is a job of the reserved decision type, one attempt, with its binding', async () => {
    const { nodes } = await compileFixture('CalledDecision.valid');

    expect(nodes.Latest).toMatchObject({
      kind: 'businessRuleTask',
      taskType: DECISION_TASK_TYPE,
      retries: '1',
      calledDecision: { decisionId: 'discount', resultVariable: 'discount', binding: 'latest' },
    });
    expect(nodes.Pinned).toMatchObject({ calledDecision: { binding: 'deployment' } });
    expect(nodes.Tagged).toMatchObject({ calledDecision: { binding: 'versionTag', versionTag: 'v1' } });
    expect(nodes.Feel).toMatchObject({ calledDecision: { decisionId: '=decisionName' } });
  });

  it('with zeebe:taskDefinition it stays a job for an external worker', async () => {
    const { nodes } = await compileFixture('CalledDecision.valid');

    expect(nodes.Worker).toMatchObject({ kind: 'businessRuleTask', taskType: 'rules-worker', retries: '3' });
    expect(nodes.Worker).not.toHaveProperty('calledDecision');
  });
});
