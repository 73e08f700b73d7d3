import { compileFixture } from '../fixtures';

describe('compile: multi-instance (MultiInstance.modeler)', () => {
  it('compiles a parallel multi-instance task with collections and completion condition', async () => {
    const { nodes } = await compileFixture('MultiInstance.modeler');

    expect(nodes.Notify.multiInstance).toEqual({
      sequential: false,
      inputCollection: '=recipients',
      inputElement: 'recipient',
      outputCollection: 'results',
      outputElement: '=result',
      completionCondition: '=numberOfCompletedInstances >= 2',
    });
  });

  it('compiles a sequential multi-instance subprocess', async () => {
    const { nodes } = await compileFixture('MultiInstance.modeler');

    expect(nodes.EachLine.multiInstance).toEqual({
      sequential: true,
      inputCollection: '=lines',
      inputElement: 'line',
    });
    expect(nodes.Check.parent).toBe('EachLine');
    expect(nodes.Start.multiInstance).toBeUndefined();
  });
});
