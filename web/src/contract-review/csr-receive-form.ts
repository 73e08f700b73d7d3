/** /csr: receipt of a new customer document with its file (CSR-1); server errors shown on their fields. */
import { messageOf } from '../api/client';
import { errorBox, h, replace } from '../ui/dom';
import { field } from './contract-form';
import { pack, tr } from './endpoints';
import { clearFieldErrors, showFieldErrors } from './field-errors';

const KINDS = ['contract', 'attachment', 'quality-agreement', 'technical-conditions', 'drawing', 'email'];
const ACCEPT =
  '.pdf,.eml,.txt,.png,.jpg,.jpeg,application/pdf,message/rfc822,text/plain,image/png,image/jpeg';
const FIELDS = ['documentId', 'customerId', 'title', 'version', 'kind'] as const;

export function csrReceiveForm(customerId: string, after: () => void): HTMLFormElement {
  const status = h('div', { class: 'form-status', role: 'status' });
  const input = (name: string, value = '') => h('input', { name, value });
  const file = h('input', {
    type: 'file',
    name: 'file',
    accept: ACCEPT,
    'aria-describedby': 'csr-file-hint',
  });
  const form = h(
    'form',
    { class: 'card action-form', id: 'csr-receive', novalidate: true },
    h('h2', {}, tr('csr.receive')),
    field(tr('csr.documentId'), 'documentId', input('documentId')),
    field(tr('csr.customer'), 'customerId', input('customerId', customerId)),
    field(tr('csr.docTitle'), 'title', input('title')),
    field(tr('csr.version'), 'version', input('version')),
    field(
      tr('csr.kind'),
      'kind',
      h(
        'select',
        { name: 'kind' },
        KINDS.map((k) => h('option', { value: k }, tr(`csr.kinds.${k}`))),
      ),
    ),
    field(tr('csr.file'), 'file', file),
    h('p', { class: 'hint', id: 'csr-file-hint' }, tr('csr.fileHint')),
    h('button', { type: 'submit', class: 'btn btn-primary' }, tr('csr.submit')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    try {
      const fields = Object.fromEntries(FIELDS.map((name) => [name, value(name)]));
      const doc = await pack.receiveCsr(fields, file.files?.[0]);
      replace(status, h('div', { class: 'success-box' }, tr('csr.received', { documentId: doc.documentId })));
      form.reset();
      (form.elements.namedItem('customerId') as HTMLInputElement).value = customerId;
      after();
    } catch (error) {
      showFieldErrors(form, error);
      replace(status, errorBox(messageOf(error)));
    }
  });
  return form;
}
