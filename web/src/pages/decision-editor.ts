/**
 * /decisions/:decisionId — the dmn-js editor (DRD, decision tables, literal expressions).
 * Every change is checked by the server's own rules (POST /decision-definitions/lint), so
 * what the editor flags is what a deploy rejects; Deploy stores the next version; Try
 * evaluates the deployed decision with JSON variables and shows the matched rules.
 */
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import DmnModeler from 'dmn-js/lib/Modeler';
import { ApiError, messageOf, type ModelProblem } from '../api/client';
import { decisions } from '../api/endpoints';
import type { Page } from '../router';
import { errorBox, h, replace, toast } from '../ui/dom';
import { t } from '../i18n';
import { blankDecision } from './blank-decision';
import { decisionEditorView } from './decision-editor-view';
import { showProblems, versionLabel } from './decision-problems';
import { renderEvaluation } from './decision-try';

const decisionEditor: Page = async (root, { params }) => {
  const decisionId = params.decisionId;
  const { info, deployButton, status, lintPanel, variablesInput, tryButton, tryResult, canvas } =
    decisionEditorView(root, decisionId);
  const modeler = new DmnModeler({ container: canvas });
  let xml: string;
  try {
    const latest = await decisions.latest(decisionId);
    xml = latest.xml;
    info.textContent = t('decisionEditor.deployedBy', {
      version: versionLabel(latest.version, latest.versionTag),
      user: latest.deployedBy,
    });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      replace(status, errorBox(messageOf(error)));
      return () => modeler.destroy();
    }
    xml = blankDecision(decisionId);
    info.textContent = t('decisionEditor.notDeployed');
  }
  await modeler.importXML(xml);
  const view = modeler.getViews().find((v) => v.element.id === decisionId && v.type !== 'drd');
  if (view) await modeler.open(view);

  const current = async () => (await modeler.saveXML({ format: true })).xml as string;
  const show = (problems: ModelProblem[]) => showProblems(lintPanel, problems);
  // The server's verdict after each change, at most one check in flight.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        show((await decisions.lint(await current())).errors);
      } catch (error) {
        replace(lintPanel, errorBox(messageOf(error)));
      }
    }, 400);
  };
  const watchViewer = () =>
    modeler
      .getActiveViewer()
      ?.get<{ on(e: string, f: () => void): void }>('eventBus')
      .on('elements.changed', check);
  modeler.on('views.changed', () => {
    watchViewer();
    check();
  });
  watchViewer();
  check();

  deployButton.addEventListener('click', async () => {
    deployButton.disabled = true;
    replace(status, t('decisionEditor.deploying'));
    try {
      const result = await decisions.deploy(await current());
      const mine = result.decisions.find((d) => d.decisionId === decisionId) ?? result.decisions[0];
      info.textContent = versionLabel(mine.version, mine.versionTag);
      replace(
        status,
        h(
          'div',
          { class: 'success-box', id: 'deploy-result' },
          t('decisionEditor.deployed', {
            list: result.decisions.map((d) => t('decisionEditor.deployedItem', d)).join(', '),
          }),
        ),
      );
      show([]);
      toast(t('decisionEditor.toast', { version: mine.version }), 'success');
    } catch (error) {
      if (error instanceof ApiError && error.body.errors) show(error.body.errors);
      replace(status, errorBox(t('decisionEditor.failed', { message: messageOf(error) })));
    } finally {
      deployButton.disabled = false;
    }
  });

  tryButton.addEventListener('click', async () => {
    let variables: Record<string, unknown>;
    try {
      variables = JSON.parse(variablesInput.value || '{}');
    } catch {
      replace(tryResult, errorBox(t('decisionEditor.notJson')));
      return;
    }
    try {
      renderEvaluation(tryResult, await decisions.evaluate(decisionId, variables));
    } catch (error) {
      replace(tryResult, errorBox(messageOf(error)));
    }
  });

  return () => {
    clearTimeout(timer);
    modeler.destroy();
  };
};

export default decisionEditor;
