/** /forms/:formId — the form-js editor; Deploy stores the schema as the form's next version. */
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';
import { FormEditor } from '@bpmn-io/form-js';
import { ApiError, messageOf } from '../api/client';
import { forms } from '../api/endpoints';
import type { FormSchema } from '../api/types';
import type { Page } from '../router';
import { errorBox, h, link, replace, toast } from '../ui/dom';
import { t } from '../i18n';

const formEditor: Page = async (root, { params }) => {
  const formId = params.formId;
  const info = h('p', { class: 'version-info', 'aria-live': 'polite' }, t('common.loading'));
  const deployButton = h(
    'button',
    { type: 'button', class: 'btn btn-primary', id: 'deploy-form' },
    t('formEditor.deploy'),
  );
  const status = h('div', { class: 'deploy-status', role: 'status', 'aria-live': 'polite' });
  const editorHost = h('div', { class: 'form-editor-canvas' });
  const panelHost = h('aside', { class: 'properties-panel', 'aria-label': t('formEditor.panel') });
  root.classList.add('page-full');
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('div', {}, h('h1', {}, t('formEditor.title', { formId })), info),
      h('div', { class: 'toolbar' }, deployButton, link('/forms', t('formEditor.all'))),
    ),
    status,
    h('div', { class: 'modeler-layout' }, editorHost, h('div', { class: 'modeler-side' }, panelHost)),
  );

  const editor = new FormEditor({
    container: editorHost,
    propertiesPanel: { parent: panelHost },
  } as ConstructorParameters<typeof FormEditor>[0]);
  let schema: FormSchema;
  try {
    const latest = await forms.latest(formId);
    schema = latest.schema;
    info.textContent = t('modeler.version', { version: latest.version });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      replace(status, errorBox(messageOf(error)));
      return () => editor.destroy();
    }
    schema = { id: formId, type: 'default', components: [] };
    info.textContent = t('formEditor.notDeployed');
  }
  await editor.importSchema(schema);

  deployButton.addEventListener('click', async () => {
    deployButton.disabled = true;
    try {
      // The id is what user tasks reference: it stays the page's form id.
      const saved = { ...(editor.saveSchema() as FormSchema), id: formId };
      const result = await forms.deploy(saved);
      info.textContent = t('modeler.version', { version: result.version });
      replace(
        status,
        h(
          'div',
          { class: 'success-box' },
          t('formEditor.deployed', { formId: result.formId, version: result.version }),
        ),
      );
      toast(t('formEditor.toast', { version: result.version }), 'success');
    } catch (error) {
      replace(status, errorBox(t('formEditor.failed', { message: messageOf(error) })));
    } finally {
      deployButton.disabled = false;
    }
  });

  return () => editor.destroy();
};

export default formEditor;
