/**
 * /processes/:processId — the latest version in the modeler: properties panel (Zeebe),
 * live lint with the server's rules, diff against the deployed version, and Deploy, which
 * shows the server's problems on the elements or the new version number.
 */
import { createModeler } from '../../modeler/create-modeler';
import type { DeployProblems } from '../../modeler/features/deploy-problems';
import type { VersionDiff } from '../../modeler/features/version-diff';
import { withLayout } from '../../modeler/layout';
import { selectInPanel } from '../../modeler/select-in-panel';
import { ApiError } from '../api/client';
import { definitions } from '../api/endpoints';
import { t } from '../i18n';
import type { Page } from '../router';
import { errorBox, h, replace } from '../ui/dom';
import { dateTime } from '../ui/format';
import { blankDiagram } from './blank-diagram';
import { deployDiagram, type ModelerSession } from './modeler-deploy';
import { renderDiff } from './modeler-panels';
import { modelerView } from './modeler-view';

const processModeler: Page = async (root, { params, query }) => {
  const processId = params.processId;
  const view = modelerView(root, processId);
  const { versionInfo, diffButton, diffPanel, status, lintPanel, fileInput } = view;
  const modeler = createModeler(view.canvas, view.properties);
  const deployProblems = modeler.get<DeployProblems>('deployProblems');
  const versionDiff = modeler.get<VersionDiff>('versionDiff');
  lintPanel.attach(modeler);

  const session: ModelerSession = { dirty: false, lastDeployFailed: false };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (session.dirty) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  modeler.on('commandStack.changed', () => {
    session.dirty = true;
    // The server's verdict was about the diagram before this edit: live lint takes over.
    if (session.lastDeployFailed) {
      session.lastDeployFailed = false;
      deployProblems.clear();
      replace(status);
    }
    if (diffButton.getAttribute('aria-pressed') === 'true') void showDiff();
  });

  const describeDeployed = () => {
    const deployed = session.deployed;
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
    session.deployed = await definitions.latest(processId);
    await modeler.importXML(await withLayout(session.deployed.xml));
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
  const known = (id: string) => !!modeler.get<{ get(id: string): unknown }>('elementRegistry').get(id);
  if (focus && known(focus)) await selectInPanel(modeler, () => lintPanel.select(focus, true));

  async function showDiff(): Promise<void> {
    if (!session.deployed) return;
    renderDiff(diffPanel, await versionDiff.compare(session.deployed.xml), session.deployed.version, (id) =>
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

  view.deployButton.addEventListener('click', () =>
    deployDiagram(view, modeler, deployProblems, session, { describeDeployed, showDiff }),
  );

  view.downloadButton.addEventListener('click', async () => {
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
      session.dirty = true;
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

export default processModeler;
