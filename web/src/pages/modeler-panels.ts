/** The process modeler's lists: the server's problems after a deploy, and the changes since the deployed version. */
import type { ModelProblem } from '../../modeler/features/deploy-problems';
import type { DiffEntry } from '../../modeler/features/version-diff';
import { t } from '../i18n';
import { h, replace } from '../ui/dom';

export function problemList(
  title: string,
  problems: ModelProblem[],
  kind: 'error' | 'warning',
  select?: (id: string) => void,
): HTMLElement | null {
  if (!problems.length) return null;
  return h(
    'div',
    { class: `problem-list problem-list-${kind}` },
    h('h2', {}, title),
    h(
      'ul',
      {},
      problems.map((p) =>
        h(
          'li',
          { 'data-element-id': p.elementId ?? '' },
          p.elementId && select
            ? h(
                'button',
                { type: 'button', class: 'btn-link', onclick: () => select(p.elementId!) },
                p.elementId,
              )
            : h('code', {}, p.elementId ?? t('modeler.diagram')),
          ` ${p.message} `,
          h('span', { class: 'hint' }, `(${p.rule})`),
        ),
      ),
    ),
  );
}

export function renderDiff(
  panel: HTMLElement,
  entries: DiffEntry[],
  version: number,
  select: (id: string) => void,
): void {
  const label: Record<DiffEntry['kind'], string> = {
    added: t('modeler.diffAdded'),
    changed: t('modeler.diffChanged'),
    removed: t('modeler.diffRemoved'),
    layout: t('modeler.diffMoved'),
  };
  replace(
    panel,
    h('h2', {}, t('modeler.changesSince', { version })),
    entries.length
      ? h(
          'ul',
          { class: 'diff-list' },
          entries.map((e) =>
            h(
              'li',
              { class: `diff-${e.kind}`, 'data-element-id': e.id },
              h('span', { class: 'diff-kind' }, label[e.kind]),
              ' ',
              e.kind === 'removed'
                ? h('code', {}, e.id)
                : h(
                    'button',
                    { type: 'button', class: 'btn-link', onclick: () => select(e.id) },
                    e.name ?? e.id,
                  ),
              ` ${e.type}`,
              e.attrs?.length ? h('span', { class: 'hint' }, ` (${e.attrs.join(', ')})`) : null,
            ),
          ),
        )
      : h('p', { class: 'hint' }, t('modeler.noDiff')),
  );
}
