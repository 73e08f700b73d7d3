/**
 * CR-12 as SM-COP-720-01 D writes it: PMC re-reviews a late order every working day until it is
 * delivered or closed, escalated or not; the weekly production-sales meeting decides but does
 * not close it; a newly promised date that passes undelivered puts it back on the list.
 */

/** What PMC's daily review (每日订单评审会议) can conclude. */
export const DAILY_OUTCOMES = ['continue', 'escalate', 'closed'] as const;
export type DailyOutcome = (typeof DAILY_OUTCOMES)[number];

/** What the weekly production-sales meeting (每周产销例会) decides. */
export const WEEKLY_DECISIONS = [
  'new-date',
  'expedite',
  'partial-delivery',
  'cancel',
  'keep-escalated',
] as const;
export type WeeklyDecision = (typeof WEEKLY_DECISIONS)[number];

export interface DailyReviewFacts {
  outcome: DailyOutcome;
  /** Every late line delivered in full. */
  delivered: boolean;
  /** Already on the weekly meeting's agenda. */
  escalated: boolean;
}

/** Where the late order goes after a daily review. */
export function afterDailyReview(facts: DailyReviewFacts): {
  lateOrderOpen: boolean;
  escalateNow: boolean;
  resolution: 'delivered' | 'closed' | null;
} {
  if (facts.delivered) return { lateOrderOpen: false, escalateNow: false, resolution: 'delivered' };
  if (facts.outcome === 'closed') return { lateOrderOpen: false, escalateNow: false, resolution: 'closed' };
  return {
    lateOrderOpen: true,
    escalateNow: facts.outcome === 'escalate' && !facts.escalated,
    resolution: null,
  };
}

/** A promised date is late once the plant's today is past it and the order is not delivered. */
export function lateAgain(promisedDate: string | null, today: string, delivered: boolean): boolean {
  return !!promisedDate && !delivered && promisedDate < today;
}

/** A decision other than keeping it escalated takes the order off the weekly agenda (the daily review goes on). */
export function keepsEscalated(decision: WeeklyDecision): boolean {
  return decision === 'keep-escalated';
}

/** Which decisions need a new delivery date. */
export function decisionNeedsDate(decision: WeeklyDecision): boolean {
  return decision === 'new-date' || decision === 'partial-delivery' || decision === 'expedite';
}
