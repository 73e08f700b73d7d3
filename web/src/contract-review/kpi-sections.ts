/** The KPI page's cards, each from one typed answer (api/contract-review/kpi/kpi.response.ts). */
import type {
  ActionPlanRow,
  OnTimeDeliveryResponse,
  ReviewLeadTimeResponse,
} from '../../../api/contract-review/kpi/kpi.response';
import type {
  FiveDReportRow,
  LateOrderRow,
} from '../../../api/contract-review/late-orders/late-orders.response';
import { emptyState, h, link, table } from '../ui/dom';
import { dateTime } from '../ui/format';
import { type Chart, leadTimeChart, percent, rateChart } from './kpi-charts';
import { tr } from './endpoints';
import { codeName } from './code-names';

export interface Card {
  section: HTMLElement;
  chart?: Chart;
}

export function rateCard(title: string, body: OnTimeDeliveryResponse): Card {
  const section = h('section', { class: 'card', 'data-group-by': body.groupBy }, h('h2', {}, title));
  const points = body.periods.filter((p) => p.rate !== null);
  if (!points.length) {
    section.append(emptyState(tr('kpi.noDeliveries')));
    return { section };
  }
  const host = h('div', {
    class: 'chart',
    role: 'img',
    'aria-label': tr('kpi.rateLabel', {
      period: title,
      points: points.map((p) => `${p.period} ${percent(p.rate!)}% (${p.onTime}/${p.due})`).join(', '),
    }),
  });
  section.append(host);
  return { section, chart: rateChart(host, body.periods, body.target) };
}

export function leadTimeCard(body: ReviewLeadTimeResponse): Card {
  const section = h(
    'section',
    { class: 'card', id: 'kpi-review-lead-time' },
    h('h2', {}, tr('kpi.leadTitle')),
  );
  const rows = body.departments;
  if (!rows.length) {
    section.append(emptyState(tr('kpi.noReviews')));
    return { section };
  }
  const host = h('div', {
    class: 'chart',
    id: 'review-lead-time-chart',
    role: 'img',
    'aria-label': tr('kpi.leadLabel', {
      points: rows
        .map((r) => `${codeName('department', r.department)} ${r.averageHours ?? '—'} h`)
        .join(', '),
    }),
  });
  const columns = [
    'colDepartment',
    'colReviews',
    'colAverage',
    'colMedian',
    'colLongest',
    'colOpen',
    'colOldest',
  ];
  section.append(
    host,
    table(
      columns.map((c) => tr(`kpi.${c}`)),
      rows,
      (r) => [
        codeName('department', r.department),
        String(r.reviews),
        hours(r.averageHours),
        hours(r.medianHours),
        hours(r.maxHours),
        String(r.open),
        hours(r.oldestOpenHours),
      ],
      { 'aria-label': tr('kpi.leadTable') },
    ),
  );
  return { section, chart: leadTimeChart(host, rows) };
}

/** Corrective / preventive action plans opened for missed periods. */
export function actionPlansCard(plans: ActionPlanRow[]): HTMLElement {
  const columns = ['colPeriod', 'colRate', 'colTarget', 'colOwner', 'colState'];
  return h(
    'section',
    { class: 'card', id: 'kpi-action-plans' },
    h('h2', {}, tr('kpi.plansTitle')),
    plans.length
      ? table(
          columns.map((c) => tr(`kpi.${c}`)),
          plans,
          (p) => [p.period, `${percent(p.rate)}%`, `${percent(p.target)}%`, p.owner ?? '—', p.state],
        )
      : h('p', { class: 'hint' }, tr('kpi.noPlans')),
  );
}

export function lateByReasonCard(rows: LateOrderRow[]): HTMLElement {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return h(
    'section',
    { class: 'card', id: 'kpi-late-by-reason' },
    h('h2', {}, tr('kpi.lateTitle')),
    counts.size
      ? table(
          [tr('kpi.colReason'), tr('kpi.colOrders')],
          [...counts].sort((a, b) => b[1] - a[1]),
          ([reason, n]) => [reason, String(n)],
        )
      : h('p', { class: 'hint' }, tr('kpi.noLate')),
  );
}

export function openFiveDCard(rows: FiveDReportRow[]): HTMLElement {
  const columns = ['colReport', 'colContract', 'colLateOrder', 'colOpened'];
  return h(
    'section',
    { class: 'card', id: 'kpi-five-d' },
    h('h2', {}, tr('kpi.fiveDTitle')),
    rows.length
      ? table(
          columns.map((c) => tr(`kpi.${c}`)),
          rows,
          (r) => [
            r.id,
            link(`/contracts/${encodeURIComponent(r.contractNo)}`, r.contractNo),
            r.lateOrderId,
            dateTime(r.openedAt),
          ],
        )
      : h('p', { class: 'hint' }, tr('kpi.noFiveD')),
  );
}

/** "12 min", "3.5 h", "2.1 d" */
function hours(value: number | null): string {
  if (value === null) return '—';
  if (value < 1) return value * 60 < 1 ? '< 1 min' : `${Math.round(value * 60)} min`;
  return value >= 48 ? `${Math.round((value / 24) * 10) / 10} d` : `${Math.round(value * 10) / 10} h`;
}
