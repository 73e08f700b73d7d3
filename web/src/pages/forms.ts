/** The deployed task forms (form-js), each opening in the form editor. */
import { ApiError } from '../api/client';
import { forms } from '../api/endpoints';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';

const formsPage: Page = async (root, { navigate }) => {
  const newForm = h(
    'form',
    { class: 'inline-form', 'aria-label': 'New form' },
    h('label', { for: 'new-form-id' }, 'New form id'),
    h('input', {
      id: 'new-form-id',
      name: 'formId',
      required: true,
      pattern: '[A-Za-z_][\\w.-]*',
      placeholder: 'sales-review',
    }),
    h('button', { type: 'submit', class: 'btn' }, 'Open editor'),
  );
  newForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = (newForm.elements.namedItem('formId') as HTMLInputElement).value.trim();
    if (id) navigate(`/forms/${encodeURIComponent(id)}`);
  });
  const body = h('div', {}, loading('Loading forms'));
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Forms'), newForm),
    h(
      'p',
      { class: 'hint' },
      'Task forms are referenced from user tasks by their id (Form → Form ID in the modeler); tasks always show the latest version.',
    ),
    body,
  );
  try {
    const list = await forms.list();
    replace(
      body,
      list.length
        ? table(
            ['Form id', 'Latest version'],
            list,
            (f) => [link(`/forms/${encodeURIComponent(f.formId)}`, f.formId), `v${f.latestVersion}`],
            { 'aria-label': 'Forms' },
          )
        : emptyState('No form is deployed yet.', 'Enter a new form id above to design one.'),
    );
  } catch (error) {
    replace(body, errorBox(error instanceof ApiError ? error.plain : String(error)));
  }
};

export default formsPage;
