/**
 * /kpi — on-time delivery rate per week (last 12 weeks) and per month (last 12 months)
 * against the target, with the action plans opened when it was missed; contract review
 * lead time per department (last 12 months); late orders by reason and the open 5D
 * reports. Every answer is typed by the API's own response files, so a renamed field
 * does not compile. Periods are plant-local (the plant's today, not the browser's).
 */
import { messageOf } from '../api/client';
import type { Page } from '../router';
import { errorBox, h, loading, replace } from '../ui/dom';
import { plantToday } from '../ui/format';
import type { Chart } from './kpi-charts';
import {
  actionPlansCard,
  type Card,
  lateByReasonCard,
  leadTimeCard,
  openFiveDCard,
  rateCard,
} from './kpi-sections';
import { pack, tr } from './endpoints';

const kpiPage: Page = async (root) => {
  const body = h('div', { class: 'kpi' }, loading());
  root.append(h('div', { class: 'page-head' }, h('h1', {}, tr('kpi.title'))), body);
  const today = plantToday();
  const weeksAgo = plantToday(Date.parse(`${today}T12:00:00Z`) - 12 * 7 * 86400_000);
  const monthsAgo = `${monthsBefore(today, 11)}-01`;
  const [weekly, monthly, leadTime, lateOrders, fiveD] = await Promise.all([
    settle(pack.onTimeDelivery({ groupBy: 'week', from: weeksAgo, to: today })),
    settle(pack.onTimeDelivery({ groupBy: 'month', from: monthsAgo, to: today })),
    // No upper bound: reviews completed today count.
    settle(pack.reviewLeadTime({ from: monthsAgo })),
    settle(pack.lateOrders()),
    settle(pack.fiveDReports('open')),
  ]);
  const cards: Card[] = [
    orError(weekly, (b) => rateCard(tr('kpi.weekly'), b)),
    orError(monthly, (b) => rateCard(tr('kpi.monthly'), b)),
    orError(leadTime, leadTimeCard),
  ];
  const plans = monthly.ok ? monthly.value.actionPlans : weekly.ok ? weekly.value.actionPlans : [];
  replace(
    body,
    h('div', { class: 'columns' }, cards[0].section, cards[1].section),
    cards[2].section,
    h(
      'div',
      { class: 'columns' },
      lateOrders.ok ? lateByReasonCard(lateOrders.value.items) : errorBox(lateOrders.message),
      fiveD.ok ? openFiveDCard(fiveD.value.items) : errorBox(fiveD.message),
    ),
    actionPlansCard(plans),
  );
  const charts = cards.map((c) => c.chart).filter((c): c is Chart => !!c);
  requestAnimationFrame(() => charts.forEach((c) => c.resize()));
  const onResize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    charts.forEach((c) => c.dispose());
  };
};

type Settled<T> = { ok: true; value: T } | { ok: false; message: string };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, message: messageOf(error) }),
  );
}

function orError<T>(result: Settled<T>, card: (body: T) => Card): Card {
  return result.ok
    ? card(result.value)
    : { section: h('section', { class: 'card' }, errorBox(result.message)) };
}

/** `YYYY-MM` of the month `n` months before the plant day `day`. */
function monthsBefore(day: string, n: number): string {
  const [y, m] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export default kpiPage;
