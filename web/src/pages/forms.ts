/** The deployed task forms (form-js), each opening in the form editor. */
import { messageOf } from '../api/client';
import { forms } from '../api/endpoints';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { t } from '../i18n';

const formsPage: Page = async (root, { navigate }) => {
  const newForm = h(
    'form',
    { class: 'inline-form', 'aria-label': t('forms.newLabel') },
    h('label', { for: 'new-form-id' }, t('forms.newId')),
    h('input', {
      id: 'new-form-id',
      name: 'formId',
      required: true,
      pattern: '[A-Za-z_][\\w.-]*',
      placeholder: 'sales-review',
    }),
    h('button', { type: 'submit', class: 'btn' }, t('forms.openEditor')),
  );
  newForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = (newForm.elements.namedItem('formId') as HTMLInputElement).value.trim();
    if (id) navigate(`/forms/${encodeURIComponent(id)}`);
  });
  const body = h('div', {}, loading(t('forms.loading')));
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('forms.title')), newForm),
    h('p', { class: 'hint' }, t('forms.hint')),
    body,
  );
  try {
    const list = await forms.list();
    replace(
      body,
      list.length
        ? table(
            [t('forms.colId'), t('forms.colLatest')],
            list,
            (f) => [link(`/forms/${encodeURIComponent(f.formId)}`, f.formId), `v${f.latestVersion}`],
            { 'aria-label': t('forms.tableLabel') },
          )
        : emptyState(t('forms.empty'), t('forms.emptyHint')),
    );
  } catch (error) {
    replace(body, errorBox(messageOf(error)));
  }
};

export default formsPage;
