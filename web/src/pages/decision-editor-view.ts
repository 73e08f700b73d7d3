/** The decision editor page's frame: toolbar, status line, canvas, the check panel and Try. */
import { t } from '../i18n';
import { h, link } from '../ui/dom';

export function decisionEditorView(root: HTMLElement, decisionId: string) {
  const info = h('p', { class: 'version-info', 'aria-live': 'polite' }, t('common.loading'));
  const deployButton = h(
    'button',
    { type: 'button', class: 'btn btn-primary', id: 'deploy-decision' },
    t('decisionEditor.deploy'),
  );
  const status = h('div', {
    class: 'deploy-status',
    id: 'deploy-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const lintPanel = h('section', {
    class: 'side-section lint-panel',
    id: 'decision-lint',
    'aria-label': t('decisionEditor.checkLabel'),
  });
  const variablesInput = h('textarea', {
    id: 'try-variables',
    rows: 6,
    'aria-label': t('decisionEditor.variables'),
    spellcheck: 'false',
  }) as HTMLTextAreaElement;
  variablesInput.value = '{}';
  const tryButton = h(
    'button',
    { type: 'button', class: 'btn', id: 'try-decision' },
    t('decisionEditor.tryButton'),
  );
  const tryResult = h('div', { id: 'try-result', 'aria-live': 'polite' });
  const canvas = h('div', { class: 'modeler-canvas decision-canvas', id: 'dmn-canvas' });
  root.classList.add('page-full');
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('div', {}, h('h1', {}, t('decisionEditor.title', { decisionId })), info),
      h(
        'div',
        { class: 'toolbar', role: 'toolbar', 'aria-label': t('decisionEditor.toolbar') },
        deployButton,
        link('/decisions', t('decisionEditor.all')),
      ),
    ),
    status,
    h(
      'div',
      { class: 'modeler-layout' },
      canvas,
      h(
        'div',
        { class: 'modeler-side' },
        lintPanel,
        h(
          'section',
          { class: 'side-section', 'aria-label': t('decisionEditor.tryLabel') },
          h('h2', {}, t('decisionEditor.tryTitle')),
          variablesInput,
          tryButton,
          tryResult,
        ),
      ),
    ),
  );

  return { info, deployButton, status, lintPanel, variablesInput, tryButton, tryResult, canvas };
}
