/** /contracts/new — a contract from a document, or a telephone order: recorded, its review starts. */
import { messageOf } from '../api/client';
import type { Page } from '../router';
import { errorBox, h, link, replace } from '../ui/dom';
import { headerFields, lineRow, readContract, specialRow, termsFields } from './contract-form';
import { pack, tr } from './endpoints';
import { showFieldErrors } from './field-errors';

const newContractPage: Page = (root, { navigate }) => {
  const lines = h('div', { id: 'contract-lines-input' }, lineRow(0));
  const specials = h('div', { id: 'contract-special-input' });
  const status = h('div', {
    class: 'form-status',
    id: 'contract-form-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', id: 'contract-submit' },
    tr('form.submit'),
  );
  const form = h(
    'form',
    { class: 'card contract-form', id: 'contract-form', novalidate: true },
    ...headerFields(),
    h('h2', {}, tr('form.lines')),
    lines,
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small',
        id: 'add-line',
        onclick: () => lines.append(lineRow(lines.children.length)),
      },
      tr('form.addLine'),
    ),
    termsFields(),
    h('h2', {}, tr('form.special')),
    specials,
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small',
        id: 'add-special',
        onclick: () => specials.append(specialRow(specials.children.length)),
      },
      tr('form.addSpecial'),
    ),
    h('div', { class: 'toolbar' }, submit),
    status,
  );
  form.addEventListener('change', () => {
    const phone = (form.querySelector('input[name=kind]:checked') as HTMLInputElement).value === 'phone';
    form.querySelector<HTMLElement>('#memo-hint')!.hidden = !phone;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(status, tr('form.saving'));
    try {
      const created = await pack.create(readContract(form));
      replace(status, h('div', { class: 'success-box' }, tr('form.created', created)));
      navigate(`/contracts/${encodeURIComponent(created.contractNo)}`);
    } catch (error) {
      const rest = showFieldErrors(form, error);
      replace(
        status,
        errorBox(rest.length || !form.querySelector('.field-error') ? messageOf(error) : tr('form.invalid')),
      );
    } finally {
      submit.disabled = false;
    }
  });
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, tr('form.title')),
      link('/contracts', tr('contract.ledger')),
    ),
    form,
  );
};

export default newContractPage;
