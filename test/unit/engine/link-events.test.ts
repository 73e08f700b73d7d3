/** Link events: a link throw ends its path and enters the link catch of the same name in its scope. */
import { analyseBpmn } from '../../../model/deploy-model';
import { fixture } from '../model/fixtures';
import { Driver } from './support/driver';

describe('link events', () => {
  it('Link.jump: the token jumps from the throw to the catch and runs on', async () => {
    const { errors, graphs } = await analyseBpmn(fixture('Link.jump'));
    expect(errors).toEqual([]);
    expect(graphs[0].nodes.ToArchive).toMatchObject({
      event: { type: 'link', linkName: 'archive' },
      linkTarget: 'Archived',
    });
    const d = new Driver(graphs[0]).start();
    expect(d.state.status).toBe('COMPLETED');
    expect(d.trace()).toEqual(['Start', 'Prepare', 'ToArchive', 'Archived', 'Archive', 'End']);
    expect(d.state.result).toEqual({ prepared: 1, archived: 2 });
  });

  it('Link.unpaired: a link throw without its catch is rejected at deploy, naming the throw', async () => {
    const { errors } = await analyseBpmn(fixture('Link.unpaired'));
    expect(errors.map((e) => e.elementId)).toContain('ToArchive');
  });
});
