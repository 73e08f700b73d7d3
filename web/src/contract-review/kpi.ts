/**
 * /kpi — on-time delivery rate per week (last 12 weeks) and per month (last 12 months)
 * against the target (ECharts), with the action plans opened when it was missed; contract
 * review lead time per department (last 12 months); late orders by reason and the open 5D
 * reports. Each part shows an empty state while its
 * endpoint is missing or has no data.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { api } from '../api/client';
import { contracts } from '../api/endpoints';
import type { ReviewLeadTime } from '../api/types';
import type { Page } from '../router';
import { emptyState, errorBox, h, replace, table } from '../ui/dom';
import { field, isRow, num, rowsOf, text } from '../ui/loose-data';
import { optional } from '../ui/optional-endpoint';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

const kpi: Page = async (root) => {
  const body = h('div', { class: 'kpi' }, h('p', { class: 'loading' }, 'Loading…'));
  root.append(h('div', { class: 'page-head' }, h('h1', {}, 'KPIs')), body);
  const today = isoDate(new Date());
  const weeksAgo = isoDate(new Date(Date.now() - 12 * 7 * 86400_000));
  const monthsAgo = (() => {
    const d = new Date();
    return isoDate(new Date(d.getFullYear(), d.getMonth() - 11, 1));
  })();
  const [weekly, monthly, lateOrders, fiveD, leadTime] = await Promise.all([
    optional('/kpi/on-time-delivery', () =>
      api.get<unknown>('/kpi/on-time-delivery', { query: { groupBy: 'week', from: weeksAgo, to: today } }),
    ),
    optional('/kpi/on-time-delivery', () =>
      api.get<unknown>('/kpi/on-time-delivery', { query: { groupBy: 'month', from: monthsAgo, to: today } }),
    ),
    optional('/late-orders', () => api.get<unknown>('/late-orders', { query: { limit: 500 } })),
    optional('/5d-reports', () => api.get<unknown>('/5d-reports', { query: { state: 'open', limit: 500 } })),
    // No upper bound: the plant's today may already be tomorrow here.
    optional('/kpi/review-lead-time', () => contracts.reviewLeadTime({ from: monthsAgo })),
  ]);
  if (weekly.state === 'absent' && monthly.state === 'absent') {
    replace(
      body,
      emptyState(
        'No KPI data yet.',
        'This server does not offer /api/kpi/on-time-delivery yet: the contract review pack adds it.',
      ),
    );
    return;
  }
  const charts: echarts.ECharts[] = [];
  const sections: HTMLElement[] = [];
  for (const [label, result] of [
    ['Weekly', weekly],
    ['Monthly', monthly],
  ] as const) {
    const section = h(
      'section',
      { class: 'card' },
      h('h2', {}, `On-time delivery rate — ${label.toLowerCase()}`),
    );
    sections.push(section);
    if (result.state === 'error') section.append(errorBox(result.message));
    else if (result.state === 'absent') section.append(emptyState('Not available.'));
    else {
      const series = rateSeries(result.body);
      if (!series.points.length) section.append(emptyState('No deliveries in this period.'));
      else {
        const chartHost = h('div', {
          class: 'chart',
          role: 'img',
          'aria-label': `${label} on-time delivery rate: ${series.points.map((p) => `${p.period} ${p.rate}%`).join(', ')}`,
        });
        section.append(chartHost);
        charts.push(rateChart(chartHost, series));
      }
    }
  }
  const leadSection = h(
    'section',
    { class: 'card', id: 'kpi-review-lead-time' },
    h('h2', {}, 'Review lead time per department — last 12 months'),
  );
  if (leadTime.state === 'error') leadSection.append(errorBox(leadTime.message));
  else if (leadTime.state === 'absent') leadSection.append(emptyState('Not available.'));
  else if (!leadTime.body.departments.length) leadSection.append(emptyState('No department review yet.'));
  else {
    const rows = leadTime.body.departments;
    const chartHost = h('div', {
      class: 'chart',
      id: 'review-lead-time-chart',
      role: 'img',
      'aria-label': `Average review lead time per department: ${rows.map((r) => `${r.department} ${r.averageHours ?? '—'} h`).join(', ')}`,
    });
    leadSection.append(
      chartHost,
      table(
        ['Department', 'Reviews', 'Average', 'Median', 'Longest', 'Open now', 'Oldest open'],
        rows,
        (r) => [
          r.department,
          String(r.reviews),
          hours(r.averageHours),
          hours(r.medianHours),
          hours(r.maxHours),
          String(r.open),
          hours(r.oldestOpenHours),
        ],
        { 'aria-label': 'Review lead time per department' },
      ),
    );
    charts.push(leadTimeChart(chartHost, leadTime.body));
  }
  const details = monthly.state === 'ok' ? monthly.body : weekly.state === 'ok' ? weekly.body : undefined;
  replace(
    body,
    h('div', { class: 'columns' }, ...sections),
    leadSection,
    h(
      'div',
      { class: 'columns' },
      lateByReason(lateOrders.state === 'ok' ? lateOrders.body : undefined),
      openFiveD(fiveD.state === 'ok' ? fiveD.body : undefined),
    ),
    ...breakdowns(details),
  );
  requestAnimationFrame(() => charts.forEach((c) => c.resize()));
  const onResize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    charts.forEach((c) => c.dispose());
  };
};

interface RateSeries {
  target?: number;
  points: { period: string; rate: number }[];
}

/** Rates in percent, whether the server sends 0.93 or 93. */
function rateSeries(body: unknown): RateSeries {
  const rows = rowsOf(body, 'periods', 'series', 'weeks', 'months');
  const pct = (n: number | undefined) =>
    n === undefined ? undefined : n <= 1 ? Math.round(n * 1000) / 10 : n;
  const points = rows
    .map((r) => {
      const delivered = num(field(r, 'delivered', 'deliveries', 'total'));
      const onTime = num(field(r, 'onTime', 'onTimeDeliveries'));
      const rate =
        pct(num(field(r, 'rate', 'onTimeRate', 'value', 'percentage'))) ??
        (delivered ? pct(onTime! / delivered) : undefined);
      return { period: text(field(r, 'period', 'week', 'month', 'label', 'from')), rate: rate ?? NaN };
    })
    .filter((p) => Number.isFinite(p.rate));
  const target = isRow(body) ? pct(num(field(body, 'target', 'targetRate'))) : undefined;
  return { target, points };
}

function rateChart(host: HTMLElement, series: RateSeries): echarts.ECharts {
  const chart = echarts.init(host, undefined, { renderer: 'svg' });
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: series.points.map((p) => p.period) },
    yAxis: {
      type: 'value',
      min: (v: { min: number }) => Math.max(0, Math.floor(Math.min(v.min, series.target ?? 100) - 5)),
      max: 100,
      axisLabel: { formatter: '{value}%' },
    },
    series: [
      {
        name: 'on time',
        type: 'line',
        data: series.points.map((p) => p.rate),
        symbolSize: 8,
        markLine:
          series.target !== undefined
            ? {
                symbol: 'none',
                data: [{ yAxis: series.target, name: 'target' }],
                label: { formatter: `target ${series.target}%` },
                lineStyle: { type: 'dashed', color: '#c0392b' },
              }
            : undefined,
      },
    ],
  });
  return chart;
}

function leadTimeChart(host: HTMLElement, body: ReviewLeadTime): echarts.ECharts {
  const chart = echarts.init(host, undefined, { renderer: 'svg' });
  const rows = body.departments;
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} h` : '—') },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.department) },
    yAxis: { type: 'value', name: 'hours', axisLabel: { formatter: '{value} h' } },
    series: [
      {
        name: 'average',
        type: 'bar',
        data: rows.map((r) => r.averageHours),
        itemStyle: { color: '#1f5fbf' },
      },
      { name: 'median', type: 'bar', data: rows.map((r) => r.medianHours), itemStyle: { color: '#7aa6e6' } },
      {
        name: 'oldest open',
        type: 'bar',
        data: rows.map((r) => r.oldestOpenHours),
        itemStyle: { color: '#b3261e' },
      },
    ],
  });
  return chart;
}

/** "12 min", "3.5 h", "2.1 d" */
function hours(h: number | null): string {
  if (h === null) return '—';
  if (h < 1) return h * 60 < 1 ? '< 1 min' : `${Math.round(h * 60)} min`;
  return h >= 48 ? `${Math.round((h / 24) * 10) / 10} d` : `${Math.round(h * 10) / 10} h`;
}

/** Action plans (corrective / preventive) opened for missed periods, as the KPI answer lists them. */
function breakdowns(body: unknown): HTMLElement[] {
  if (!isRow(body) || !('actionPlans' in body)) return [];
  const plans = rowsOf(body.actionPlans);
  return [
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'Corrective / preventive action plans'),
      plans.length
        ? table(['Period', 'Rate', 'Target', 'Owner', 'State'], plans, (r) => [
            text(field(r, 'period')),
            percent(field(r, 'rate')),
            percent(field(r, 'target')),
            text(field(r, 'owner')),
            text(field(r, 'state', 'status')),
          ])
        : h('p', { class: 'hint' }, 'None: the target was met.'),
    ),
  ];
}

function lateByReason(body: unknown): HTMLElement {
  const rows = rowsOf(body);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(text(field(r, 'reason')), (counts.get(text(field(r, 'reason'))) ?? 0) + 1);
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Late orders by reason'),
    body === undefined
      ? emptyState('Not available yet.')
      : counts.size
        ? table(
            ['Reason', 'Orders'],
            [...counts].sort((a, b) => b[1] - a[1]),
            ([reason, n]) => [reason, String(n)],
          )
        : h('p', { class: 'hint' }, 'No late orders.'),
  );
}

function openFiveD(body: unknown): HTMLElement {
  const rows = rowsOf(body);
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Open 5D reports'),
    body === undefined
      ? emptyState('Not available yet.')
      : rows.length
        ? table(['Report', 'Late order', 'Opened', 'Owner'], rows, (r) => [
            text(field(r, 'id', 'reportNo')),
            text(field(r, 'lateOrderId', 'contractNo')),
            text(field(r, 'openedAt')),
            text(field(r, 'owner', 'assignee')),
          ])
        : h('p', { class: 'hint' }, 'None open.'),
  );
}

function percent(value: unknown): string {
  const n = num(value);
  return n === undefined ? '—' : `${n <= 1 ? Math.round(n * 1000) / 10 : n}%`;
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export default kpi;
