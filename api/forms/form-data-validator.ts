import type { FormComponent, FormSchema } from '../../persistence/entities/form.entity';

export interface FieldProblem {
  field: string;
  message: string;
}

const TEXT_TYPES = new Set(['textfield', 'textarea', 'datetime', 'password']);
const CHOICE_TYPES = new Set(['select', 'radio']);
const MULTI_CHOICE_TYPES = new Set(['checklist', 'taglist']);

/**
 * Checks submitted task variables against a form-js schema, the way the form-js viewer
 * validates them in the browser: required, type, min/max, length, pattern, allowed values.
 * The server repeats it because a backend may complete a task without the UI.
 */
export function validateFormData(schema: FormSchema, data: Record<string, unknown>): FieldProblem[] {
  return fields(schema.components).flatMap((field) => validateField(field, data[field.key!]));
}

function fields(components: FormComponent[] = []): FormComponent[] {
  return components.flatMap((c) => [...(c.key ? [c] : []), ...fields(c.components)]);
}

function validateField(field: FormComponent, value: unknown): FieldProblem[] {
  const key = field.key!;
  const label = field.label ? `${field.label} (${key})` : key;
  const rules = field.validate ?? {};
  // A required checkbox left unticked is not given: "I acknowledge" unticked is no acknowledgement.
  const unticked = field.type === 'checkbox' && value === false;
  const empty =
    value === undefined ||
    value === null ||
    value === '' ||
    unticked ||
    (Array.isArray(value) && value.length === 0);
  if (empty) return rules.required ? [{ field: key, message: `${label} is required` }] : [];
  const problems: string[] = [];
  if (field.type === 'number') {
    if (typeof value !== 'number' || Number.isNaN(value)) problems.push('must be a number');
    else {
      if (rules.min !== undefined && value < rules.min) problems.push(`must be at least ${rules.min}`);
      if (rules.max !== undefined && value > rules.max) problems.push(`must be at most ${rules.max}`);
    }
  } else if (field.type === 'checkbox') {
    if (typeof value !== 'boolean') problems.push('must be true or false');
  } else if (TEXT_TYPES.has(field.type)) {
    if (typeof value !== 'string') problems.push('must be text');
    else {
      if (rules.minLength !== undefined && value.length < rules.minLength)
        problems.push(`must have at least ${rules.minLength} characters`);
      if (rules.maxLength !== undefined && value.length > rules.maxLength)
        problems.push(`must have at most ${rules.maxLength} characters`);
      if (rules.pattern && !new RegExp(rules.pattern).test(value))
        problems.push(`must match ${rules.pattern}`);
    }
  } else if (CHOICE_TYPES.has(field.type) && field.values) {
    if (!field.values.some((v) => v.value === value))
      problems.push(`must be one of ${field.values.map((v) => JSON.stringify(v.value)).join(', ')}`);
  } else if (MULTI_CHOICE_TYPES.has(field.type) && field.values) {
    const allowed = field.values.map((v) => v.value);
    if (!Array.isArray(value) || value.some((v) => !allowed.includes(v)))
      problems.push(`must be a list of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  return problems.map((message) => ({ field: key, message: `${label} ${message}` }));
}
