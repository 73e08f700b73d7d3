/**
 * CR-10: customer order on-time delivery rate (客户订单准时交付率) = deliveries due in a period
 * that were made in full on or before the committed date, over all deliveries due in it.
 * A "delivery due" is an order line whose committed date falls in the period.
 */
import { isoWeekOf, monthOf } from './dates';

export interface DueLine {
  contractNo: string;
  lineNo: number;
  customerId: string;
  quantity: number;
  committedDate: string;
  deliveries: { quantity: number; deliveredAt: string }[];
}

export interface PeriodRate {
  period: string;
  due: number;
  onTime: number;
  rate: number | null;
  targetMet: boolean | null;
}

/** Delivered in full by the end of the committed date (dates compared in the plant's calendar). */
export function lineOnTime(line: DueLine, toLocalDate: (iso: string) => string): boolean {
  const inTime = line.deliveries
    .filter((d) => toLocalDate(d.deliveredAt) <= line.committedDate)
    .reduce((sum, d) => sum + d.quantity, 0);
  return inTime >= line.quantity;
}

export function onTimeRates(
  lines: DueLine[],
  groupBy: 'week' | 'month',
  target: number,
  toLocalDate: (iso: string) => string,
): PeriodRate[] {
  const key = groupBy === 'week' ? isoWeekOf : monthOf;
  const periods = new Map<string, { due: number; onTime: number }>();
  for (const line of lines) {
    const p = periods.get(key(line.committedDate)) ?? { due: 0, onTime: 0 };
    p.due += 1;
    if (lineOnTime(line, toLocalDate)) p.onTime += 1;
    periods.set(key(line.committedDate), p);
  }
  return [...periods]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, { due, onTime }]) => {
      const rate = due ? onTime / due : null;
      return { period, due, onTime, rate, targetMet: rate === null ? null : rate >= target };
    });
}

export const DEFAULT_ON_TIME_TARGET = 0.95;
