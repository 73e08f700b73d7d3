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
import { errorBox, h, link, replace, toast } from '../ui/dom';
import { t } from '../i18n';
import { blankDecision } from './blank-decision';
import { renderEvaluation } from './decision-try';

const decisionEditor: Page = async (root, { params }) => {
  const decisionId = params.decisionId;
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
  const showProblems = (problems: ModelProblem[]) =>
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

  // The server's verdict after each change, at most one check in flight.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        showProblems((await decisions.lint(await current())).errors);
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
      showProblems([]);
      toast(t('decisionEditor.toast', { version: mine.version }), 'success');
    } catch (error) {
      if (error instanceof ApiError && error.body.errors) showProblems(error.body.errors);
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

function versionLabel(version: number, tag?: string | null): string {
  return tag ? t('decisionEditor.versionTagged', { version, tag }) : t('decisionEditor.version', { version });
}

export default decisionEditor;
