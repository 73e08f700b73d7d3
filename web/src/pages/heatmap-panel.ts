/** The process heatmap: one version's diagram with, per element, instances there now and times completed. */
import { createViewer } from '../../modeler/create-viewer';
import type { TokenOverlays } from '../../modeler/features/token-overlays';
import { ApiError } from '../api/client';
import { definitions } from '../api/endpoints';
import { elementStatistics } from '../api/element-statistics';
import type { DefinitionSummary } from '../api/types';
import type { Cleanup } from '../router';
import { errorBox, h, replace } from '../ui/dom';

export async function renderHeatmap(
  body: HTMLElement,
  process: DefinitionSummary,
  version: number,
): Promise<Cleanup | void> {
  const summary = h('p', { class: 'heatmap-summary', 'aria-live': 'polite' }, 'Counting instances…');
  const canvas = h('div', {
    class: 'viewer-canvas heatmap-canvas',
    id: 'heatmap',
    'aria-label': `Heatmap of ${process.processId} version ${version}`,
  });
  const legend = h(
    'p',
    { class: 'legend' },
    h('span', { class: 'token-badge token-badge-active' }, 'n'),
    ' instances there now  ',
    h('span', { class: 'token-badge token-badge-completed' }, 'n✓'),
    ' times completed',
  );
  replace(
    body,
    h('h2', {}, `Heatmap: ${process.name ?? process.processId} v${version}`),
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
      ? `${stats.instanceCount} instance(s) of version ${version}${stats.truncated ? ' (the most recent ones; the sample is capped)' : ''}.`
      : `No instance of version ${version} yet.`;
  } catch (error) {
    replace(summary, errorBox(error instanceof ApiError ? error.plain : String(error)));
  }
  return () => viewer?.destroy();
}
