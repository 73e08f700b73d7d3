/** The KPI page's ECharts: on-time delivery rate against the target, review lead time per department. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { DepartmentLeadTime, OnTimePeriod } from '../../../api/contract-review/kpi/kpi.response';
import { tr } from './endpoints';
import { codeName } from './code-names';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type Chart = echarts.ECharts;

/** A rate of 0–1 in percent, one decimal. */
export function percent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

export function rateChart(host: HTMLElement, periods: OnTimePeriod[], target: number): Chart {
  const chart = echarts.init(host, undefined, { renderer: 'svg' });
  const shown = periods.filter((p) => p.rate !== null);
  const targetPct = percent(target);
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: shown.map((p) => p.period) },
    yAxis: {
      type: 'value',
      min: (v: { min: number }) => Math.max(0, Math.floor(Math.min(v.min, targetPct) - 5)),
      max: 100,
      axisLabel: { formatter: '{value}%' },
    },
    series: [
      {
        name: tr('kpi.onTime'),
        type: 'line',
        data: shown.map((p) => percent(p.rate!)),
        symbolSize: 8,
        markLine: {
          symbol: 'none',
          data: [{ yAxis: targetPct, name: 'target' }],
          label: { formatter: tr('kpi.target', { target: targetPct }) },
          lineStyle: { type: 'dashed', color: '#c0392b' },
        },
      },
    ],
  });
  return chart;
}

export function leadTimeChart(host: HTMLElement, rows: DepartmentLeadTime[]): Chart {
  const chart = echarts.init(host, undefined, { renderer: 'svg' });
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} h` : '—') },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => codeName('department', r.department)) },
    yAxis: { type: 'value', name: tr('kpi.hoursAxis'), axisLabel: { formatter: '{value} h' } },
    series: [
      {
        name: tr('kpi.average'),
        type: 'bar',
        data: rows.map((r) => r.averageHours),
        itemStyle: { color: '#1f5fbf' },
      },
      {
        name: tr('kpi.median'),
        type: 'bar',
        data: rows.map((r) => r.medianHours),
        itemStyle: { color: '#7aa6e6' },
      },
      {
        name: tr('kpi.oldestOpen'),
        type: 'bar',
        data: rows.map((r) => r.oldestOpenHours),
        itemStyle: { color: '#b3261e' },
      },
    ],
  });
  return chart;
}
