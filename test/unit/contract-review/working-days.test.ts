/** The plant working-day calendar: weekends, holidays, make-up working days (调休), meetings. */
import {
  nextMeetingAt,
  nextWeeklyMeetingAt,
  WorkingCalendar,
} from '../../../activities/contract-review/domain/working-days';
import { PRC_PUBLIC_HOLIDAYS_2026 } from '../../../persistence/migrations/contract-review/seed/prc-public-holidays-2026';

const cal2026 = new WorkingCalendar(PRC_PUBLIC_HOLIDAYS_2026);

describe('plant working-day calendar', () => {
  it('seeds the 2026 PRC public holidays: 33 days off and 6 make-up working days, none twice', () => {
    const holidays = PRC_PUBLIC_HOLIDAYS_2026.filter((d) => d.kind === 'holiday');
    const workdays = PRC_PUBLIC_HOLIDAYS_2026.filter((d) => d.kind === 'workday');
    expect(holidays).toHaveLength(33);
    expect(workdays.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(new Set(PRC_PUBLIC_HOLIDAYS_2026.map((d) => d.date)).size).toBe(PRC_PUBLIC_HOLIDAYS_2026.length);
    // Every make-up working day falls on a weekend, or it would change nothing.
    for (const d of workdays) expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
  });

  it('counts Monday to Friday, skips holidays on weekdays and works on 调休 weekends', () => {
    expect(cal2026.isWorkingDay('2026-12-02')).toBe(true); // a Wednesday
    expect(cal2026.isWorkingDay('2026-12-05')).toBe(false); // a Saturday
    expect(cal2026.isWorkingDay('2026-10-05')).toBe(false); // National Day, a Monday
    expect(cal2026.isWorkingDay('2026-10-10')).toBe(true); // make-up Saturday
    expect(cal2026.isWorkingDay('2026-01-04')).toBe(true); // make-up Sunday
    expect(cal2026.workingDaysBetween('2026-01-01', '2026-12-31')).toHaveLength(
      // 261 weekdays in 2026, 19 of the 33 holidays fall on weekdays, plus 6 make-up days.
      261 - 19 + 6,
    );
  });

  it('finds the next working day and adds working days across the Spring Festival', () => {
    expect(cal2026.after('2026-02-13')).toBe('2026-02-14'); // Friday → make-up Saturday
    expect(cal2026.after('2026-02-14')).toBe('2026-02-24'); // nine days off
    expect(cal2026.addWorkingDays('2026-02-12', 2)).toBe('2026-02-14');
    expect(cal2026.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    expect(cal2026.addWorkingDays('2026-02-15', 0)).toBe('2026-02-24');
    // An edit the admin makes counts from then on: a plant holiday on a Wednesday.
    const edited = new WorkingCalendar([
      ...PRC_PUBLIC_HOLIDAYS_2026,
      { date: '2026-12-02', kind: 'holiday' },
    ]);
    expect(edited.after('2026-12-01')).toBe('2026-12-03');
  });

  it('puts the daily meeting at 09:00 on the next working day and the weekly one on the first working day of the week', () => {
    expect(nextMeetingAt(cal2026, '2026-12-02T08:00:00')).toBe('2026-12-02T09:00:00');
    expect(nextMeetingAt(cal2026, '2026-12-02T09:00:00')).toBe('2026-12-03T09:00:00');
    expect(nextMeetingAt(cal2026, '2026-12-04T10:00:00')).toBe('2026-12-07T09:00:00'); // Friday → Monday
    expect(nextMeetingAt(cal2026, '2026-09-30T10:00:00')).toBe('2026-10-08T09:00:00'); // National Day week
    expect(nextMeetingAt(cal2026, '2026-10-09T10:00:00')).toBe('2026-10-10T09:00:00'); // 调休 Saturday
    expect(nextWeeklyMeetingAt(cal2026, '2026-12-02T10:00:00')).toBe('2026-12-07T09:00:00');
    expect(nextWeeklyMeetingAt(cal2026, '2026-12-07T08:00:00')).toBe('2026-12-07T09:00:00');
    // Monday 5 October is National Day: the week's meeting is its first working day, Thursday 8th.
    expect(nextWeeklyMeetingAt(cal2026, '2026-09-30T10:00:00')).toBe('2026-10-08T09:00:00');
    // The Spring Festival week (16–22 February) has no working day: the week after, on Tuesday 24th.
    expect(nextWeeklyMeetingAt(cal2026, '2026-02-10T10:00:00')).toBe('2026-02-24T09:00:00');
    expect(nextWeeklyMeetingAt(cal2026, '2026-02-24T10:00:00')).toBe('2026-03-02T09:00:00');
  });
});
