/**
 * /kpi — on-time delivery rate per week and per month against the target (ECharts), late
 * orders by reason, review lead time per department and open 5D reports, from
 * GET /api/kpi/on-time-delivery (empty state until the contract pack serves it).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { api } from '../api/client';
import type { Page } from '../router';
import { emptyState, errorBox, h, replace, table } from '../ui/dom';
import { field, isRow, num, rowsOf, text, type Row } from '../ui/loose-data';
import { optional } from '../ui/optional-endpoint';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const kpi: Page = async (root) => {
  const body = h('div', { class: 'kpi' }, h('p', { class: 'loading' }, 'Loading…'));
  root.append(h('div', { class: 'page-head' }, h('h1', {}, 'KPIs')), body);
  const [weekly, monthly] = await Promise.all([
    optional(() => api.get<unknown>('/kpi/on-time-delivery', { query: { groupBy: 'week' } })),
    optional(() => api.get<unknown>('/kpi/on-time-delivery', { query: { groupBy: 'month' } })),
  ]);
  if (weekly.state === 'absent' && monthly.state === 'absent') {
    replace(body, emptyState('No KPI data yet.', 'This server does not offer /api/kpi/on-time-delivery yet: the contract review pack adds it.'));
    return;
  }
  const charts: echarts.ECharts[] = [];
  const sections: HTMLElement[] = [];
  for (const [label, result] of [['Weekly', weekly], ['Monthly', monthly]] as const) {
    const section = h('section', { class: 'card' }, h('h2', {}, `On-time delivery rate — ${label.toLowerCase()}`));
    sections.push(section);
    if (result.state === 'error') section.append(errorBox(result.message));
    else if (result.state === 'absent') section.append(emptyState('Not available.'));
    else {
      const series = rateSeries(result.body);
      if (!series.points.length) section.append(emptyState('No deliveries in this period.'));
      else {
        const chartHost = h('div', { class: 'chart', role: 'img', 'aria-label': `${label} on-time delivery rate: ${series.points.map((p) => `${p.period} ${p.rate}%`).join(', ')}` });
        section.append(chartHost);
        charts.push(rateChart(chartHost, series));
      }
    }
  }
  const details = weekly.state === 'ok' ? weekly.body : monthly.state === 'ok' ? monthly.body : undefined;
  replace(body, h('div', { class: 'columns' }, ...sections), ...breakdowns(details));
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
  const pct = (n: number | undefined) => (n === undefined ? undefined : n <= 1 ? Math.round(n * 1000) / 10 : n);
  const points = rows
    .map((r) => {
      const delivered = num(field(r, 'delivered', 'deliveries', 'total'));
      const onTime = num(field(r, 'onTime', 'onTimeDeliveries'));
      const rate = pct(num(field(r, 'rate', 'onTimeRate', 'value', 'percentage'))) ?? (delivered ? pct(onTime! / delivered) : undefined);
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
    yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(Math.min(v.min, series.target ?? 100) - 5)), max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: 'on time',
        type: 'line',
        data: series.points.map((p) => p.rate),
        symbolSize: 8,
        markLine: series.target !== undefined ? { symbol: 'none', data: [{ yAxis: series.target, name: 'target' }], label: { formatter: `target ${series.target}%` }, lineStyle: { type: 'dashed', color: '#c0392b' } } : undefined,
      },
    ],
  });
  return chart;
}

function breakdowns(body: unknown): HTMLElement[] {
  if (!isRow(body)) return [];
  const out: HTMLElement[] = [];
  const section = (title: string, rows: Row[], headers: string[], cells: (r: Row) => string[]) =>
    out.push(h('section', { class: 'card' }, h('h2', {}, title), rows.length ? table(headers, rows, cells) : h('p', { class: 'hint' }, 'None.')));
  if ('byReason' in body || 'lateByReason' in body) section('Late orders by reason', rowsOf(field(body, 'byReason', 'lateByReason')), ['Reason', 'Orders'], (r) => [text(field(r, 'reason')), text(field(r, 'count', 'orders'))]);
  if ('reviewLeadTime' in body) section('Review lead time per department', rowsOf(body.reviewLeadTime), ['Department', 'Lead time'], (r) => [text(field(r, 'department', 'group')), text(field(r, 'days', 'hours', 'leadTime'))]);
  if ('open5dReports' in body || 'fiveDReports' in body) {
    const value = field(body, 'open5dReports', 'fiveDReports');
    section('Open 5D reports', Array.isArray(value) ? rowsOf(value) : [{ count: value }], ['Report', 'State'], (r) => [text(field(r, 'reportNo', 'id', 'count')), text(field(r, 'state', 'status'))]);
  }
  if ('actionPlans' in body) section('Corrective / preventive action plans', rowsOf(body.actionPlans), ['Plan', 'Period', 'State'], (r) => [text(field(r, 'id', 'title')), text(field(r, 'period')), text(field(r, 'state', 'status'))]);
  return out;
}

export default kpi;
