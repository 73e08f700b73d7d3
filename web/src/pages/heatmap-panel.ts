/** The process heatmap: one version's diagram with, per element, instances there now and times completed. */
import { createViewer } from '../../modeler/create-viewer';
import type { TokenOverlays } from '../../modeler/features/token-overlays';
import { messageOf } from '../api/client';
import { definitions } from '../api/endpoints';
import { elementStatistics } from '../api/element-statistics';
import type { DefinitionSummary } from '../api/types';
import type { Cleanup } from '../router';
import { errorBox, h, replace } from '../ui/dom';
import { t } from '../i18n';

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
  const legend = h(
    'p',
    { class: 'legend' },
    h('span', { class: 'token-badge token-badge-active' }, 'n'),
    t('heatmap.legendActive'),
    h('span', { class: 'token-badge token-badge-completed' }, 'n✓'),
    t('heatmap.legendCompleted'),
  );
  replace(
    body,
    h('h2', {}, t('heatmap.title', { name: process.name ?? process.processId, version })),
    legend,
    summary,
    canvas,
  );
  let viewer: Awaited<ReturnType<typeof createViewer>> | undefined;
  try {
    const def = await definitions.version(process.processId, version);
    viewer = await createViewer(canvas, def.xml);
    const stats = await elementStatistics({ processId: process.processId, version });
    viewer.get<TokenOverlays>('tokenOverlays').show({ active: stats.active, completed: stats.completed });
    summary.textContent = stats.instanceCount
      ? `${t('heatmap.count', { count: stats.instanceCount, version })}${stats.truncated ? t('heatmap.capped') : ''}.`
      : t('heatmap.none', { version });
  } catch (error) {
    replace(summary, errorBox(messageOf(error)));
  }
  return () => viewer?.destroy();
}
