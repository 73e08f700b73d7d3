/**
 * FEEL for decision cells, on feelin. As in Camunda, a missing variable reads as null; an
 * unknown function is a failure (never a silent null).
 */
import { evaluate, unaryTest } from 'feelin';
import { DecisionEvaluationError } from './evaluation-error';

export type FeelContext = Record<string, unknown>;

export function feelValue(expression: string, context: FeelContext, where: string): unknown {
  let result: { value: unknown; warnings: { type: string; message: string }[] };
  try {
    result = evaluate(expression, context);
  } catch (error) {
    throw new DecisionEvaluationError(
      `${where}: cannot evaluate "${expression}": ${(error as Error).message}`,
    );
  }
  failOnUnknownFunction(result.warnings, expression, where);
  return result.value ?? null;
}

/** Does the input value satisfy the unary tests of a cell? */
export function feelTest(tests: string, input: unknown, context: FeelContext, where: string): boolean {
  let result: { value: boolean | null; warnings: { type: string; message: string }[] };
  try {
    result = unaryTest(tests, { ...context, '?': input });
  } catch (error) {
    throw new DecisionEvaluationError(`${where}: cannot evaluate "${tests}": ${(error as Error).message}`);
  }
  failOnUnknownFunction(result.warnings, tests, where);
  return result.value === true;
}

function failOnUnknownFunction(
  warnings: { type: string; message: string }[],
  expression: string,
  where: string,
) {
  const unknown = warnings.find((w) => w.type === 'NO_FUNCTION_FOUND');
  if (unknown) throw new DecisionEvaluationError(`${where}: ${unknown.message} in "${expression}"`);
}

/** Results leave the evaluator as JSON: FEEL dates, times and durations become their string form. */
export function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'function') return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return String(value);
}
