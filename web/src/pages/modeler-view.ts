/** The process modeler page's frame: title, toolbar, status line, canvas and side panels. */
import { link, h } from '../ui/dom';
import { t } from '../i18n';
import { LintPanel } from './lint-panel';

export type ModelerView = ReturnType<typeof modelerView>;

export function modelerView(root: HTMLElement, processId: string) {
  const title = h('h1', {}, processId);
  const versionInfo = h('p', { class: 'version-info', 'aria-live': 'polite' }, t('common.loading'));
  const deployButton = h(
    'button',
    { type: 'button', id: 'deploy-button', class: 'btn btn-primary' },
    t('modeler.deploy'),
  );
  const diffButton = h(
    'button',
    { type: 'button', id: 'diff-button', class: 'btn', 'aria-pressed': 'false' },
    t('modeler.compare'),
  );
  const downloadButton = h('button', { type: 'button', class: 'btn' }, t('modeler.downloadXml'));
  const fileInput = h('input', {
    type: 'file',
    accept: '.bpmn,.xml,application/xml',
    id: 'open-file',
    class: 'visually-hidden',
    tabindex: -1,
    'aria-hidden': 'true',
  });
  const openButton = h(
    'button',
    { type: 'button', class: 'btn', onclick: () => fileInput.click() },
    t('modeler.openFile'),
  );
  const status = h('div', {
    class: 'deploy-status',
    id: 'deploy-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const canvas = h('div', {
    class: 'modeler-canvas',
    id: 'canvas',
    tabindex: 0,
    'aria-label': t('modeler.canvasLabel'),
  });
  const properties = h('aside', { class: 'properties-panel', 'aria-label': t('modeler.properties') });
  const lintPanel = new LintPanel();
  const diffPanel = h('section', {
    class: 'side-section diff-panel',
    'aria-label': t('modeler.diffLabel'),
    hidden: true,
  });

  root.classList.add('page-full');
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('div', {}, title, versionInfo),
      h(
        'div',
        { class: 'toolbar', role: 'toolbar', 'aria-label': t('modeler.toolbar') },
        deployButton,
        diffButton,
        downloadButton,
        openButton,
        fileInput,
        link(`/instances?processId=${encodeURIComponent(processId)}`, t('modeler.instances')),
      ),
    ),
    status,
    h(
      'div',
      { class: 'modeler-layout' },
      canvas,
      h('div', { class: 'modeler-side' }, properties, lintPanel.element, diffPanel),
    ),
  );
  return {
    versionInfo,
    deployButton,
    diffButton,
    downloadButton,
    fileInput,
    status,
    canvas,
    properties,
    lintPanel,
    diffPanel,
  };
}
