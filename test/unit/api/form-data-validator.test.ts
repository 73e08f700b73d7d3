/** Form data checked on the server as the form-js viewer checks it: a required checkbox must be ticked. */
import { validateFormData } from '../../../api/forms/form-data-validator';
import type { FormSchema } from '../../../persistence/entities/form.entity';

const ack = {
  components: [
    { type: 'checkbox', key: 'acknowledged', label: 'I acknowledge', validate: { required: true } },
  ],
} as unknown as FormSchema;

describe('form data validator: checkboxes mean what they say', () => {
  it('refuses a required checkbox left unticked and accepts it ticked', () => {
    expect(validateFormData(ack, { acknowledged: false })).toEqual([
      { field: 'acknowledged', message: 'I acknowledge (acknowledged) is required' },
    ]);
    expect(validateFormData(ack, {})).toHaveLength(1);
    expect(validateFormData(ack, { acknowledged: true })).toEqual([]);
  });

  it('lets an optional checkbox be unticked', () => {
    const optional = { components: [{ type: 'checkbox', key: 'fiveDRequired' }] } as unknown as FormSchema;
    expect(validateFormData(optional, { fiveDRequired: false })).toEqual([]);
  });
});
