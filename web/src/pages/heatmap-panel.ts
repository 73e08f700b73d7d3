/**
 * The process heatmap over every instance of one version (from the store): per element,
 * instances there now and times completed, or — toggled — how long an element instance
 * took (mean and p90, an Optimize-style duration heatmap).
 */
import { createViewer } from '../../modeler/create-viewer';
import type { TokenOverlays } from '../../modeler/features/token-overlays';
import { messageOf } from '../api/client';
import { definitions } from '../api/endpoints';
import { elementStatistics, type ElementStatistics } from '../api/element-statistics';
import type { DefinitionSummary } from '../api/types';
import type { Cleanup } from '../router';
import { errorBox, h, replace } from '../ui/dom';
import { age } from '../ui/format';
import { t } from '../i18n';

type Mode = 'counts' | 'durations';
const DURATION_OVERLAY = 'heatmap-duration';

export async function renderHeatmap(
  body: HTMLElement,
  process: DefinitionSummary,
  version: number,
): Promise<Cleanup | void> {
  const summary = h('p', { class: 'heatmap-summary', 'aria-live': 'polite' }, t('heatmap.counting'));
  const canvas = h('div', {
    class: 'viewer-canvas heatmap-canvas',
    id: 'heatmap',
    'aria-label': t('heatmap.label', { processId: process.processId, version }),
  });
  const legend = h('p', { class: 'legend' });
  const toggle = h(
    'div',
    { class: 'tabs', role: 'radiogroup', 'aria-label': t('heatmap.shows') },
    (['counts', 'durations'] as Mode[]).map((mode) =>
      h(
        'button',
        { type: 'button', class: 'btn btn-small', 'data-mode': mode, role: 'radio' },
        mode === 'counts' ? t('heatmap.counts') : t('heatmap.durations'),
      ),
    ),
  );
  replace(
    body,
    h('h2', {}, t('heatmap.title', { name: process.name ?? process.processId, version })),
    toggle,
    legend,
    summary,
    canvas,
  );
  let viewer: Awaited<ReturnType<typeof createViewer>> | undefined;
  try {
    const def = await definitions.version(process.processId, version);
    viewer = await createViewer(canvas, def.xml);
    const stats = await elementStatistics({ processId: process.processId, version });
    const show = (mode: Mode) => {
      for (const b of toggle.querySelectorAll('button'))
        b.setAttribute('aria-checked', String(b.dataset.mode === mode));
      showMode(viewer!, stats, mode, legend);
    };
    toggle.addEventListener('click', (event) => {
      const mode = (event.target as HTMLElement).closest('button')?.dataset.mode as Mode | undefined;
      if (mode) show(mode);
    });
    show('counts');
    summary.textContent = stats.instanceCount
      ? `${t('heatmap.count', { count: stats.instanceCount, version })}${t('heatmap.running', { running: stats.running })}`
      : t('heatmap.none', { version });
  } catch (error) {
    replace(summary, errorBox(messageOf(error)));
  }
  return () => viewer?.destroy();
}

function showMode(
  viewer: Awaited<ReturnType<typeof createViewer>>,
  stats: ElementStatistics,
  mode: Mode,
  legend: HTMLElement,
): void {
  const tokens = viewer.get<TokenOverlays>('tokenOverlays');
  const overlays = viewer.get<{ add(id: string, type: string, o: object): void; remove(f: object): void }>(
    'overlays',
  );
  overlays.remove({ type: DURATION_OVERLAY });
  if (mode === 'counts') {
    tokens.show({ active: stats.active, completed: stats.completed });
    replace(
      legend,
      h('span', { class: 'token-badge token-badge-active' }, 'n'),
      t('heatmap.legendActive'),
      h('span', { class: 'token-badge token-badge-completed' }, 'n✓'),
      t('heatmap.legendCompleted'),
    );
    return;
  }
  tokens.clear();
  const slowest = Math.max(1, ...stats.p90DurationMs.values());
  for (const [elementId, mean] of stats.meanDurationMs) {
    const p90 = stats.p90DurationMs.get(elementId) ?? mean;
    // Hue from green (fast) to red (the slowest p90 of the version).
    const hue = Math.round(120 * (1 - Math.min(1, p90 / slowest)));
    const badge = h(
      'span',
      {
        class: 'token-badge token-badge-duration',
        style: `background: hsl(${hue} 70% 38%)`,
        'data-element-id': elementId,
        title: t('heatmap.durationTitle', { mean: duration(mean), p90: duration(p90) }),
      },
      `${duration(mean)} · p90 ${duration(p90)}`,
    );
    try {
      overlays.add(elementId, DURATION_OVERLAY, { position: { bottom: -12, right: -4 }, html: badge });
    } catch {
      /* an element of the store that this diagram does not draw */
    }
  }
  replace(legend, t('heatmap.durationLegend'));
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : age(new Date(0).toISOString(), ms);
}
