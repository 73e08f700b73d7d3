/**
 * The one place that evaluates expressions. As in Zeebe, a value starting with `=` is FEEL
 * (evaluated by feelin); anything else is a static value: a string literal for mappings
 * and names, a number where a number is expected.
 *
 * Most expressions in real diagrams are a variable, a path or a comparison (`=amount > 100`,
 * `=reviewOutcome = "rejected"`, `=order.id`). Those are evaluated here directly (see
 * feel-simple.ts) with feelin's results; everything else, and every case the simple
 * evaluator is not sure about, goes to feelin, which is loaded on first use only: a workflow
 * evaluates its bundle's modules afresh for every execution, and feelin with its parser
 * is the largest of them.
 */
import type * as Feelin from 'feelin';
import { DEFAULT_TIME_ZONE } from './context';
import { camundaFunctions, FeelAssertionFailed } from './feel-functions';
import { installFeelMeter } from './feel-meter';
import { chargeFeel, FeelBudgetExceeded, inFeelSession } from './feel-session';
import { FEEL_UNITS_PER_EVALUATION } from './limits';
import { evaluateSimple, NOT_SIMPLE } from './feel-simple';
import type { EngineIncident, Variables } from './state';

let feelin: typeof Feelin | undefined;
let functions: Record<string, unknown> | undefined;
function evaluate(expression: string, context: Variables): ReturnType<typeof Feelin.evaluate> {
  if (!feelin) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feelin = require('feelin') as typeof Feelin;
    installFeelMeter(feelin);
    functions = camundaFunctions(feelin);
  }
  chargeFeel(FEEL_UNITS_PER_EVALUATION);
  // A variable of the same name wins over a function: FEEL keeps them apart, JSON cannot hold functions.
  return feelin.evaluate(expression, {
    ...mentioned(expression, functions!),
    ...mentioned(expression, context),
  });
}

/**
 * The entries an expression can refer to: those whose name's first word occurs in its text.
 * feelin copies and indexes its whole context on every evaluation (the parser needs every
 * name, multi-word ones included), so handing it a large scope it does not read costs time
 * in proportion to that scope; no FEEL expression can reach a name it does not spell out.
 */
function mentioned<T>(expression: string, entries: Record<string, T>): Record<string, T> {
  const picked: Record<string, T> = {};
  for (const key of Object.keys(entries)) {
    const space = key.indexOf(' ');
    if (expression.includes(space < 0 ? key : key.slice(0, space))) picked[key] = entries[key];
  }
  return picked;
}

/** An expression could not be evaluated: the element gets an incident (of kind `expression` unless a bound was hit). */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly kind: EngineIncident['kind'] = 'expression',
  ) {
    super(message);
  }
}

export function isExpression(value: string | undefined): boolean {
  return typeof value === 'string' && value.trimStart().startsWith('=');
}

/** Evaluate an expression or return the static string as it is. */
export function evaluateValue(source: string, context: Variables): unknown {
  if (!isExpression(source)) return source;
  const body = source.trimStart().slice(1);
  const simple = evaluateSimple(body, context);
  if (simple !== NOT_SIMPLE) return toJson(simple);
  let result: ReturnType<typeof Feelin.evaluate>;
  try {
    result = inFeelSession({ now: Date.now(), timeZone: DEFAULT_TIME_ZONE }, () => evaluate(body, context));
  } catch (err) {
    if (err instanceof FeelBudgetExceeded)
      throw new ExpressionError(`'${clip(body)}': ${err.message}`, 'expression-budget');
    if (err instanceof FeelAssertionFailed) throw new ExpressionError(`'${clip(body)}': ${err.message}`);
    throw new ExpressionError(`failed to evaluate '${clip(body)}': ${(err as Error).message}`);
  }
  // feelin yields null for a function it does not know; Camunda fails the evaluation.
  const unknown = result.warnings.find((w) => w.type === 'NO_FUNCTION_FOUND');
  if (unknown) {
    const call = body.slice(unknown.position.from, unknown.position.to);
    const name = call.slice(0, call.indexOf('(')).trim() || call;
    throw new ExpressionError(`unknown function '${name}' in '${clip(body)}'`);
  }
  return toJson(result.value);
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** A condition must be FEEL and yield exactly `true` to hold (null and non-booleans do not). */
export function evaluateCondition(source: string, context: Variables): boolean {
  if (!isExpression(source)) throw new ExpressionError(`condition '${source}' is not a FEEL expression`);
  return evaluateValue(source, context) === true;
}

export function evaluateString(source: string, context: Variables): string {
  const value = evaluateValue(source, context);
  if (typeof value !== 'string')
    throw new ExpressionError(`expected a string from '${source}', got ${JSON.stringify(value)}`);
  return value;
}

export function evaluateNumber(source: string, context: Variables): number {
  const value = isExpression(source) ? evaluateValue(source, context) : Number(source);
  if (typeof value !== 'number' || Number.isNaN(value))
    throw new ExpressionError(`expected a number from '${source}'`);
  return value;
}

/** Static lists are comma-separated (`a, b`); FEEL may yield a list or one string. */
export function evaluateList(source: string | undefined, context: Variables): string[] {
  if (!source) return [];
  const value: unknown = isExpression(source) ? evaluateValue(source, context) : source.split(',');
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.map((v) => String(v).trim()).filter((v) => v.length > 0);
}

/** Variables hold JSON: FEEL temporal values and other objects become their string form. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') return typeof value === 'function' ? null : value;
  if (Array.isArray(value)) return value.map(toJson);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return String(value);
}
