import { addDuration, nextFiring, parseDateTime, planTimer } from '../../../engine';
import { T0 } from './support/driver';

describe('timer semantics', () => {
  it('durations, including calendar months', () => {
    expect(addDuration(T0, 'PT1H30M')).toBe(T0 + 90 * 60_000);
    expect(new Date(addDuration(Date.UTC(2024, 0, 31), 'P1M')).toISOString()).toBe(
      '2024-03-02T00:00:00.000Z',
    );
    expect(() => addDuration(T0, 'P')).toThrow();
  });

  it('dates without an offset are wall time in the configured zone', () => {
    expect(new Date(parseDateTime('2024-01-02T09:00:00', 'Asia/Shanghai')).toISOString()).toBe(
      '2024-01-02T01:00:00.000Z',
    );
    expect(new Date(parseDateTime('2024-01-02T09:00:00Z', 'Asia/Shanghai')).toISOString()).toBe(
      '2024-01-02T09:00:00.000Z',
    );
  });

  it('R[n]/duration cycles count down; FEEL expressions are evaluated first', () => {
    const plan = planTimer({ kind: 'cycle', expression: '="R2/PT" + string(h) + "H"' }, T0, 'UTC', { h: 1 });
    expect(plan).toEqual({ fireAt: T0 + 3600_000, cycle: { remaining: 1, interval: 'PT1H' } });
    const second = nextFiring(plan.cycle!, plan.fireAt, plan.fireAt, 'UTC')!;
    expect(second.fireAt).toBe(T0 + 7200_000);
    expect(nextFiring(second.cycle!, second.fireAt, second.fireAt, 'UTC')).toBeUndefined();
  });

  it('cron cycles fire in the configured zone (Spring 6-field form)', () => {
    const plan = planTimer({ kind: 'cycle', expression: '0 0 9 * * MON-FRI' }, T0, 'Asia/Shanghai', {});
    expect(new Date(plan.fireAt).toISOString()).toBe('2024-01-01T01:00:00.000Z'); // Monday 09:00 in Shanghai
    const next = nextFiring(plan.cycle!, plan.fireAt, plan.fireAt, 'Asia/Shanghai')!;
    expect(new Date(next.fireAt).toISOString()).toBe('2024-01-02T01:00:00.000Z');
  });
});
