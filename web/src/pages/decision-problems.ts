/** The decision editor's check panel: the server's problems with the decision, and version labels. */
import type { ModelProblem } from '../api/client';
import { t } from '../i18n';
import { h, replace } from '../ui/dom';

export function showProblems(lintPanel: HTMLElement, problems: ModelProblem[]): void {
  replace(
    lintPanel,
    h(
      'h2',
      { class: problems.length ? 'lint-summary has-errors' : 'lint-summary', id: 'decision-lint-summary' },
      problems.length
        ? t('decisionEditor.problems', { count: problems.length })
        : t('decisionEditor.noProblems'),
    ),
    problems.length
      ? h(
          'ul',
          { class: 'lint-list' },
          problems.map((p) =>
            h(
              'li',
              { class: 'lint-error', 'data-element-id': p.elementId ?? '', 'data-rule': p.rule },
              h('code', {}, p.elementId ?? t('decisionEditor.file')),
              ` ${p.message} `,
              h('span', { class: 'hint' }, `(${p.rule})`),
            ),
          ),
        )
      : null,
  );
}

export function versionLabel(version: number, tag?: string | null): string {
  return tag ? t('decisionEditor.versionTagged', { version, tag }) : t('decisionEditor.version', { version });
}
