import { registerDecorator, ValidationOptions } from 'class-validator';

/** Longest business key / correlation key (Temporal keeps a workflow id under 1,000 bytes, a keyword under 2 KB). */
export const KEY_MAX_LENGTH = 200;

// Control characters (C0, DEL, C1) and the line / paragraph separators.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Why `value` is not usable as a business or correlation key, or undefined when it is. */
export function keyProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be text';
  if (!value.length) return 'must not be empty';
  if (value.length > KEY_MAX_LENGTH) return `must be at most ${KEY_MAX_LENGTH} characters`;
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it has a lone surrogate)';
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (value.trim() !== value) return 'must not start or end with a space';
  return undefined;
}

/** class-validator: a business key or correlation key that every store and query can carry. */
export function IsSafeKey(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSafeKey',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => keyProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property} ${keyProblem(args?.value) ?? 'is not valid'}`,
      },
    });
}
