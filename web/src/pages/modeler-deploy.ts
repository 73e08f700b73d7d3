/** Deploy from the modeler: the new version number, or the server's problems on their elements. */
import type { DeployProblems } from '../../modeler/features/deploy-problems';
import { ApiError, messageOf } from '../api/client';
import { definitions } from '../api/endpoints';
import type { DefinitionVersion } from '../api/types';
import { t } from '../i18n';
import { errorBox, h, replace, toast } from '../ui/dom';
import type { ModelerView } from './modeler-view';
import { problemList } from './modeler-panels';

/** What the page knows about the diagram it edits. */
export interface ModelerSession {
  deployed?: DefinitionVersion;
  dirty: boolean;
  lastDeployFailed: boolean;
}

export async function deployDiagram(
  view: ModelerView,
  modeler: { saveXML(o: { format: boolean }): Promise<{ xml?: string }> },
  deployProblems: DeployProblems,
  session: ModelerSession,
  after: { describeDeployed(): void; showDiff(): Promise<void> },
): Promise<void> {
  const { deployButton, diffButton, status, lintPanel } = view;
  deployButton.disabled = true;
  deployProblems.clear();
  replace(status, t('modeler.deploying'));
  try {
    const { xml } = await modeler.saveXML({ format: true });
    const result = await definitions.deploy(xml!);
    const unchanged = session.deployed?.version === result.version;
    session.deployed = await definitions.version(result.processId, result.version);
    session.dirty = false;
    after.describeDeployed();
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
    if (diffButton.getAttribute('aria-pressed') === 'true') await after.showDiff();
  } catch (error) {
    session.lastDeployFailed = true;
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
}
