import { compileFixture } from '../fixtures';

describe('compile: gateways (Gateways.modeler)', () => {
  it('compiles an exclusive gateway with its default flow and FEEL conditions', async () => {
    const { nodes, flows } = await compileFixture('Gateways.modeler');

    expect(nodes.Amount).toMatchObject({
      kind: 'exclusiveGateway',
      defaultFlow: 'Small',
      outgoing: ['Large', 'Small'],
    });
    expect(flows.Large).toEqual({
      id: 'Large',
      name: 'Large',
      source: 'Amount',
      target: 'Approve',
      condition: '=amount > 1000',
    });
    expect(flows.Small).not.toHaveProperty('condition');
  });

  it('compiles parallel fork and join', async () => {
    const { nodes } = await compileFixture('Gateways.modeler');

    expect(nodes.Fork).toMatchObject({ kind: 'parallelGateway', outgoing: ['Flow_Fork_A', 'Flow_Fork_B'] });
    expect(nodes.Join).toMatchObject({ kind: 'parallelGateway', incoming: ['Flow_A_Join', 'Flow_B_Join'] });
    expect(nodes.Fork).not.toHaveProperty('defaultFlow');
  });

  it('compiles an inclusive gateway (fork and join)', async () => {
    const { nodes, flows } = await compileFixture('Gateways.modeler');

    expect(nodes.Channels).toMatchObject({ kind: 'inclusiveGateway', defaultFlow: 'NoChannel' });
    expect(flows.ByMail.condition).toBe('=contains(channels, "mail")');
    expect(nodes.ChannelsDone.incoming).toHaveLength(3);
  });

  it('compiles an event-based gateway racing a timer and a message', async () => {
    const { nodes } = await compileFixture('Gateways.modeler');

    expect(nodes.Race).toMatchObject({
      kind: 'eventBasedGateway',
      outgoing: ['Flow_Race_Timeout', 'Flow_Race_Answer'],
    });
    expect(nodes.Answer).toMatchObject({
      event: { type: 'message', messageName: 'answer', correlationKey: '=requestId' },
    });
  });
});
