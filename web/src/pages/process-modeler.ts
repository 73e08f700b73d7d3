/**
 * /processes/:processId — the latest version in the modeler: properties panel (Zeebe),
 * live lint with the server's rules, diff against the deployed version, and Deploy, which
 * shows the server's problems on the elements or the new version number.
 */
import { createModeler } from '../../modeler/create-modeler';
import type { DeployProblems, ModelProblem } from '../../modeler/features/deploy-problems';
import type { DiffEntry, VersionDiff } from '../../modeler/features/version-diff';
import { withLayout } from '../../modeler/layout';
import { ApiError, messageOf } from '../api/client';
import { definitions } from '../api/endpoints';
import type { DefinitionVersion } from '../api/types';
import type { Page } from '../router';
import { errorBox, h, link, replace, toast } from '../ui/dom';
import { dateTime } from '../ui/format';
import { blankDiagram } from './blank-diagram';
import { LintPanel } from './lint-panel';
import { t } from '../i18n';

const processModeler: Page = async (root, { params, query }) => {
  const processId = params.processId;
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

  const modeler = createModeler(canvas, properties);
  const deployProblems = modeler.get<DeployProblems>('deployProblems');
  const versionDiff = modeler.get<VersionDiff>('versionDiff');
  lintPanel.attach(modeler);

  let deployed: DefinitionVersion | undefined;
  let dirty = false;
  let lastDeployFailed = false;
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (dirty) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  modeler.on('commandStack.changed', () => {
    dirty = true;
    // The server's verdict was about the diagram before this edit: live lint takes over.
    if (lastDeployFailed) {
      lastDeployFailed = false;
      deployProblems.clear();
      replace(status);
    }
    if (diffButton.getAttribute('aria-pressed') === 'true') void showDiff();
  });

  const describeDeployed = () => {
    replace(
      versionInfo,
      deployed
        ? h(
            'span',
            {},
            h(
              'span',
              { class: 'version-label', id: 'deployed-version' },
              t('modeler.version', { version: deployed.version }),
            ),
            t('modeler.deployedBy', { when: dateTime(deployed.deployedAt), who: deployed.deployedBy }),
            deployed.name ? ` — ${deployed.name}` : '',
          )
        : h('span', {}, t('modeler.notDeployed')),
    );
    diffButton.disabled = !deployed;
  };

  try {
    deployed = await definitions.latest(processId);
    await modeler.importXML(await withLayout(deployed.xml));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      replace(
        status,
        errorBox(
          error instanceof ApiError ? error.plain : t('modeler.cannotOpen', { message: String(error) }),
        ),
      );
      return () => modeler.destroy();
    }
    await modeler.importXML(blankDiagram(processId));
  }
  (modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
  describeDeployed();
  // ?element=<id> opens the diagram on that element, selected in the properties panel (shareable).
  const focus = query.get('element');
  if (focus) lintPanel.select(focus, true);

  async function showDiff(): Promise<void> {
    if (!deployed) return;
    renderDiff(diffPanel, await versionDiff.compare(deployed.xml), deployed.version, (id) =>
      lintPanel.select(id),
    );
  }

  diffButton.addEventListener('click', async () => {
    const on = diffButton.getAttribute('aria-pressed') !== 'true';
    diffButton.setAttribute('aria-pressed', String(on));
    diffPanel.hidden = !on;
    if (on) await showDiff();
    else versionDiff.clear();
  });

  deployButton.addEventListener('click', async () => {
    deployButton.disabled = true;
    deployProblems.clear();
    replace(status, t('modeler.deploying'));
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const result = await definitions.deploy(xml!);
      const unchanged = deployed?.version === result.version;
      deployed = await definitions.version(result.processId, result.version);
      dirty = false;
      describeDeployed();
      const warningsOff = deployProblems.show(result.warnings, 'warning');
      replace(
        status,
        h(
          'div',
          { class: 'success-box', id: 'deploy-result' },
          unchanged
            ? t('modeler.noChanges', { version: result.version })
            : t('modeler.deployed', { processId: result.processId, version: result.version }),
        ),
        problemList(t('modeler.warnings'), warningsOff, 'warning'),
      );
      toast(
        unchanged
          ? t('modeler.unchangedToast', { version: result.version })
          : t('modeler.deployedToast', { version: result.version }),
        'success',
      );
      if (diffButton.getAttribute('aria-pressed') === 'true') await showDiff();
    } catch (error) {
      lastDeployFailed = true;
      if (error instanceof ApiError && error.body.errors) {
        const unplaced = deployProblems.show(error.body.errors);
        replace(
          status,
          errorBox(t('modeler.notDeployedBecause', { message: error.message })),
          problemList(t('modeler.problems'), error.body.errors, 'error', (id) => lintPanel.select(id)),
        );
        void unplaced;
      } else {
        replace(status, errorBox(t('modeler.notDeployedBecause', { message: messageOf(error) })));
      }
    } finally {
      deployButton.disabled = false;
    }
  });

  downloadButton.addEventListener('click', async () => {
    const { xml } = await modeler.saveXML({ format: true });
    const url = URL.createObjectURL(new Blob([xml!], { type: 'application/xml' }));
    const a = h('a', { href: url, download: `${processId}.bpmn` });
    a.click();
    URL.revokeObjectURL(url);
  });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      await modeler.importXML(await withLayout(await file.text()));
      dirty = true;
      replace(status, t('modeler.opened', { name: file.name }));
    } catch (error) {
      replace(
        status,
        errorBox(t('modeler.cannotOpenFile', { name: file.name, message: (error as Error).message })),
      );
    }
  });

  return () => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    modeler.destroy();
  };
};

function problemList(
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

function renderDiff(
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

export default processModeler;
