/**
 * /csr — the CSR list per customer (document versions with their files, acting
 * departments, status, symbols) and receipt of a new document with its file.
 */
import { messageOf } from '../api/client';
import { currentSession, hasGroup } from '../auth';
import type { Page } from '../router';
import { append, errorBox, h, loading, replace } from '../ui/dom';
import { csrReceiveForm } from './csr-receive-form';
import { documentsTable, requirementsTable } from './csr-tables';
import { pack, tr } from './endpoints';

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
    const id = customer.value.trim();
    navigate(`/csr${id ? `?customerId=${encodeURIComponent(id)}` : ''}`);
  });
  const load = async () => {
    try {
      const [docs, reqs] = await Promise.all([
        pack.csrDocuments(customerId || undefined),
        pack.csrRequirements(customerId || undefined),
      ]);
      replace(documents, h('h2', {}, tr('csr.documents')), documentsTable(docs.items));
      replace(requirements, h('h2', {}, tr('csr.requirements')), requirementsTable(reqs.items));
    } catch (error) {
      replace(documents, errorBox(messageOf(error)));
    }
  };
  append(
    root,
    h('div', { class: 'page-head' }, h('h1', {}, tr('csr.title'))),
    filter,
    hasGroup(currentSession(), 'sales', 'service', 'admin')
      ? csrReceiveForm(customerId, () => void load())
      : null,
    documents,
    requirements,
  );
  await load();
};

export default csrPage;
