/** The plant calendar as the API answers it; the web page imports these types. */
export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDayRow {
  date: string;
  kind: CalendarDayKind;
  name: string;
  updatedBy: string;
  updatedAt: string;
}

export interface CalendarYearResponse {
  year: number;
  /** The days that differ from Monday to Friday: holidays and make-up working days (调休). */
  days: CalendarDayRow[];
  /** Every working day of the year, as the daily meeting, due dates and reminders count them. */
  workingDays: string[];
}
