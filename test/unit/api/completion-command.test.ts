import { completionCommandId, temporalRequestId } from '../../../api/instance-commands/instance-command';

const request = (user: string, variables: Record<string, unknown>) => ({
  taskId: 'approval/K-1/run/approve/1',
  user,
  groups: ['sales'],
  variables,
});

describe('completion command ids', () => {
  it('are equal for the same request, whatever the order of its variables or the groups', () => {
    const a = completionCommandId(request('li.lei', { a: 1, b: { c: 2, d: [1, 2] } }));
    const b = completionCommandId({ ...request('li.lei', { b: { d: [1, 2], c: 2 }, a: 1 }), groups: [] });
    expect(a).toBe(b);
    expect(a.startsWith('complete:approval/K-1/run/approve/1:')).toBe(true);
    expect(temporalRequestId(a)).toBe(temporalRequestId(b));
  });

  it('differ for another user or other variables, so two different completions race in the instance', () => {
    const base = completionCommandId(request('li.lei', { ok: true }));
    expect(completionCommandId(request('wang.fang', { ok: true }))).not.toBe(base);
    expect(completionCommandId(request('li.lei', { ok: false }))).not.toBe(base);
    expect(completionCommandId(request('li.lei', { ok: [true] }))).not.toBe(base);
  });

  it('give a UUID-shaped Temporal update id', () => {
    expect(temporalRequestId(completionCommandId(request('li.lei', {})))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });
});
