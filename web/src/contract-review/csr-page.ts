/** /csr — the CSR list per customer (document versions, acting departments, status, symbols) and receipt of a new document. */
import { messageOf } from '../api/client';
import { currentSession, hasGroup } from '../auth';
import type { Page } from '../router';
import { append, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { dateTime } from '../ui/format';
import { field } from './contract-form';
import type { CsrDocument } from '../../../api/contract-review/csr/csr.response';
import { pack, tr } from './endpoints';
import { clearFieldErrors, showFieldErrors } from './field-errors';

const KINDS = ['contract', 'attachment', 'quality-agreement', 'technical-conditions', 'drawing', 'email'];

function docStatus(d: CsrDocument): string {
  if (d.reviewedAt) return tr('csr.reviewed');
  if (d.escalatedAt) return tr('csr.escalated');
  if (d.transmittedAt) return tr('csr.transmitted');
  return tr('csr.waiting');
}

function receiveForm(customerId: string, after: () => void): HTMLFormElement {
  const status = h('div', { class: 'form-status', role: 'status' });
  const input = (name: string, value = '') => h('input', { name, value });
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
        KINDS.map((k) => h('option', { value: k }, k)),
      ),
    ),
    h('button', { type: 'submit', class: 'btn btn-primary' }, tr('csr.submit')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    try {
      const doc = await pack.receiveCsr({
        documentId: value('documentId'),
        customerId: value('customerId'),
        title: value('title'),
        version: value('version'),
        kind: value('kind'),
      });
      replace(status, h('div', { class: 'success-box' }, tr('csr.received', { documentId: doc.documentId })));
      after();
    } catch (error) {
      showFieldErrors(form, error);
      replace(status, errorBox(messageOf(error)));
    }
  });
  return form;
}

const csrPage: Page = async (root, { query, navigate }) => {
  const customerId = query.get('customerId') ?? '';
  const documents = h('section', { class: 'card', id: 'csr-documents' }, loading());
  const requirements = h('section', { class: 'card', id: 'csr-requirements' }, loading());
  const customer = h('input', { id: 'f-csr-customer', name: 'customerId', value: customerId, size: 14 });
  const filter = h(
    'form',
    { class: 'filters' },
    h('label', { for: 'f-csr-customer' }, tr('csr.customer')),
    customer,
    h('button', { type: 'submit', class: 'btn' }, tr('ledger.apply')),
  );
  filter.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(
      `/csr${customer.value.trim() ? `?customerId=${encodeURIComponent(customer.value.trim())}` : ''}`,
    );
  });
  const load = async () => {
    try {
      const [docs, reqs] = await Promise.all([
        pack.csrDocuments(customerId || undefined),
        pack.csrRequirements(customerId || undefined),
      ]);
      replace(
        documents,
        h('h2', {}, tr('csr.documents')),
        docs.items.length
          ? table(
              [
                tr('csr.colDocument'),
                tr('csr.customer'),
                tr('csr.colTitle'),
                tr('csr.colVersion'),
                tr('csr.colKind'),
                tr('csr.colReceived'),
                tr('csr.colStatus'),
              ],
              docs.items,
              (d) => [
                d.instanceId
                  ? link(`/instances/${encodeURIComponent(d.instanceId)}`, d.documentId)
                  : d.documentId,
                d.customerId,
                d.title,
                d.version,
                d.kind,
                dateTime(d.receivedAt),
                docStatus(d),
              ],
              { 'aria-label': tr('csr.documents') },
            )
          : h('p', { class: 'hint' }, tr('csr.none')),
      );
      replace(
        requirements,
        h('h2', {}, tr('csr.requirements')),
        reqs.items.length
          ? table(
              [
                tr('csr.customer'),
                tr('csr.colRequirement'),
                tr('csr.colSource'),
                tr('csr.colDepartments'),
                tr('csr.colSymbol'),
                tr('csr.colFeasible'),
                tr('csr.colVerified'),
              ],
              reqs.items,
              (r) => [
                r.customerId,
                r.text,
                `${r.documentId} ${r.documentVersion}`,
                r.departments.join(', '),
                r.symbol ?? '—',
                r.feasibility,
                r.verification === 'verified' ? dateTime(r.verifiedAt) : r.verification,
              ],
              { 'aria-label': tr('csr.requirements') },
            )
          : h('p', { class: 'hint' }, tr('csr.none')),
      );
    } catch (error) {
      replace(documents, errorBox(messageOf(error)));
    }
  };
  append(
    root,
    h('div', { class: 'page-head' }, h('h1', {}, tr('csr.title'))),
    filter,
    hasGroup(currentSession(), 'sales', 'service', 'admin')
      ? receiveForm(customerId, () => void load())
      : null,
    documents,
    requirements,
  );
  await load();
};

export default csrPage;
