import { timerStartSchedule } from '../../../engine';

const NOW = Date.parse('2026-11-30T00:00:00Z');

describe('timer start events as Temporal Schedule specs', () => {
  it("turns Zeebe's 6-field Spring cron (seconds first, ?) into Temporal's 7-field cron", () => {
    expect(timerStartSchedule({ kind: 'cycle', expression: '0 0 9 ? * MON' }, NOW, 'Asia/Shanghai')).toEqual({
      kind: 'cron',
      cron: '0 0 9 * * MON *',
    });
    expect(timerStartSchedule({ kind: 'cycle', expression: '0 9 * * 1-5' }, NOW, 'Asia/Shanghai')).toEqual({
      kind: 'cron',
      cron: '0 9 * * 1-5',
    });
  });

  it('maps R[n]/[start/]duration to an interval, bounded when n is given', () => {
    expect(timerStartSchedule({ kind: 'cycle', expression: 'R/P1D' }, NOW, 'UTC')).toEqual({
      kind: 'interval',
      everyMs: 86_400_000,
    });
    expect(
      timerStartSchedule({ kind: 'cycle', expression: 'R3/2027-01-01T08:00:00/PT12H' }, NOW, 'Asia/Shanghai'),
    ).toEqual({
      kind: 'interval',
      everyMs: 43_200_000,
      startAt: Date.parse('2027-01-01T00:00:00Z'), // 08:00 in Shanghai
      times: 3,
    });
  });

  it('fires once for a date or a duration from deployment', () => {
    expect(timerStartSchedule({ kind: 'date', expression: '2027-03-01T09:00:00+08:00' }, NOW, 'UTC')).toEqual(
      { kind: 'once', at: Date.parse('2027-03-01T01:00:00Z') },
    );
    expect(timerStartSchedule({ kind: 'duration', expression: 'PT1H' }, NOW, 'UTC')).toEqual({
      kind: 'once',
      at: NOW + 3_600_000,
    });
  });

  it('rejects an invalid cycle', () => {
    expect(() => timerStartSchedule({ kind: 'cycle', expression: 'every day' }, NOW, 'UTC')).toThrow(
      /invalid timer cycle/,
    );
  });
});
