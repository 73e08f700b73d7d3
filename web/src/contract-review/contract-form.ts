/**
 * The fields of a new contract (a document) or a telephone order: header, lines, delivery
 * and payment terms, special requirements. Every input carries `data-field`, the property
 * path the server names in its validation messages, so refusals land on their fields.
 */
import { h } from '../ui/dom';
import { plantToday } from '../ui/format';
import { codeName } from './code-names';
import { tr } from './endpoints';

export function field(label: string, name: string, input: HTMLElement): HTMLElement {
  input.id ||= `cf-${name.replace(/\W/g, '-')}`;
  input.setAttribute('data-field', name);
  return h('div', { class: 'field', 'data-field-wrap': name }, h('label', { for: input.id }, label), input);
}

const text = (name: string, value = '', attrs: Record<string, string | number | boolean> = {}) =>
  h('input', { name, value, ...attrs });

export function lineRow(index: number): HTMLElement {
  const p = `lines.${index}`;
  const row = h(
    'fieldset',
    { class: 'line-row', 'data-line': index },
    h('legend', {}, `${tr('form.lines')} ${index + 1}`),
    field(tr('form.partNo'), `${p}.partNo`, text(`${p}.partNo`)),
    field(
      tr('form.quantity'),
      `${p}.quantity`,
      text(`${p}.quantity`, '', { type: 'number', min: 1, step: 1 }),
    ),
    field(
      tr('form.unitPrice'),
      `${p}.unitPrice`,
      text(`${p}.unitPrice`, '', { type: 'number', min: 0, step: 'any' }),
    ),
    field(tr('form.currency'), `${p}.currency`, text(`${p}.currency`, 'CNY', { size: 4 })),
    field(
      tr('form.requestedDate'),
      `${p}.requestedDate`,
      text(`${p}.requestedDate`, plantToday(), { type: 'date' }),
    ),
  );
  return row;
}

export function specialRow(index: number): HTMLElement {
  const p = `specialRequirements.${index}`;
  return h(
    'fieldset',
    { class: 'line-row', 'data-special': index },
    h('legend', {}, `${tr('form.special')} ${index + 1}`),
    field(tr('form.specialText'), `${p}.text`, text(`${p}.text`, '', { size: 40 })),
    field(tr('form.sourceDocument'), `${p}.sourceDocument`, text(`${p}.sourceDocument`)),
    field(tr('form.symbol'), `${p}.symbol`, text(`${p}.symbol`, '', { size: 4 })),
  );
}

export function headerFields(): HTMLElement[] {
  return [
    h(
      'fieldset',
      { class: 'kind' },
      h('legend', {}, tr('form.kind')),
      h(
        'label',
        {},
        h('input', { type: 'radio', name: 'kind', value: 'document', checked: true }),
        ' ',
        tr('form.document'),
      ),
      h('label', {}, h('input', { type: 'radio', name: 'kind', value: 'phone' }), ' ', tr('form.phone')),
      h('p', { class: 'hint', id: 'memo-hint', hidden: true }, tr('form.memoHint')),
    ),
    field(tr('form.contractNo'), 'contractNo', text('contractNo', '', { required: true })),
    field(tr('form.customerId'), 'customerId', text('customerId', '', { required: true })),
    field(
      tr('form.documentType'),
      'documentType',
      h(
        'select',
        { name: 'documentType' },
        ['order', 'contract', 'tender', 'agreement', 'development-agreement'].map((v) =>
          h('option', { value: v }, codeName('documentType', v)),
        ),
      ),
    ),
    h(
      'div',
      { class: 'checks' },
      ['annual', 'oemSupply', 'automotive'].map((name) =>
        h('label', {}, h('input', { type: 'checkbox', name, 'data-field': name }), ' ', tr(`form.${name}`)),
      ),
    ),
  ];
}

export function termsFields(): HTMLElement {
  return h(
    'fieldset',
    {},
    h('legend', {}, tr('form.delivery')),
    field(tr('form.method'), 'delivery.method', text('delivery.method', 'DAP')),
    field(tr('form.place'), 'delivery.place', text('delivery.place')),
    field(tr('form.packaging'), 'delivery.packaging', text('delivery.packaging')),
    field(tr('form.transport'), 'delivery.transport', text('delivery.transport')),
    field(tr('form.paymentTerms'), 'paymentTerms', text('paymentTerms', '')),
  );
}

/** The request body from the form's inputs (numbers as numbers, the telephone kind as channel phone). */
export function readContract(form: HTMLFormElement): Record<string, unknown> {
  const value = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
  const checked = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
  const num = (name: string) => (value(name) === '' ? undefined : Number(value(name)));
  const phone =
    (form.querySelector('input[name=kind]:checked') as HTMLInputElement | null)?.value === 'phone';
  const lines = [...form.querySelectorAll('[data-line]')].map((_, i) => ({
    partNo: value(`lines.${i}.partNo`),
    quantity: num(`lines.${i}.quantity`),
    unitPrice: num(`lines.${i}.unitPrice`),
    currency: value(`lines.${i}.currency`),
    requestedDate: value(`lines.${i}.requestedDate`),
  }));
  const specialRequirements = [...form.querySelectorAll('[data-special]')]
    .map((_, i) => ({
      text: value(`specialRequirements.${i}.text`),
      sourceDocument: value(`specialRequirements.${i}.sourceDocument`),
      ...(value(`specialRequirements.${i}.symbol`)
        ? { symbol: value(`specialRequirements.${i}.symbol`) }
        : {}),
    }))
    .filter((r) => r.text || r.sourceDocument);
  return {
    contractNo: value('contractNo'),
    customerId: value('customerId'),
    channel: phone ? 'phone' : 'document',
    documentType: value('documentType'),
    annual: checked('annual'),
    oemSupply: checked('oemSupply'),
    automotive: checked('automotive'),
    specialRequirements,
    lines,
    delivery: {
      method: value('delivery.method'),
      place: value('delivery.place'),
      packaging: value('delivery.packaging'),
      transport: value('delivery.transport'),
    },
    paymentTerms: value('paymentTerms'),
  };
}
