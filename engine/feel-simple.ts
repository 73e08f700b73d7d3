/**
 * The FEEL most diagrams use, evaluated without feelin: literals (numbers, strings without
 * escapes, true, false, null), variables and paths (`order.customer.id`), comparisons
 * (`=`, `!=`, `<`, `<=`, `>`, `>=`) and `and` / `or`, with feelin's results for them
 * (three-valued logic, `null` for a comparison of different types).
 *
 * Whatever this file is not certain to answer exactly as feelin would yields `NOT_SIMPLE`,
 * and the caller asks feelin: any other syntax, a variable or key that is absent (feelin
 * may find it by a normalised name, or as a built-in function), a path over a list, an
 * ordering comparison of anything but two numbers, equality involving lists or contexts,
 * and any context holding a name that is not a plain identifier (feelin's parser reads
 * such names, `order amount`, from the context, so the parse itself depends on it).
 * test/unit/engine/feel-simple.test.ts checks the answers against feelin's.
 */
import type { Variables } from './state';

export const NOT_SIMPLE: unique symbol = Symbol('not simple FEEL');
type Result = unknown;

type Node =
  | { k: 'lit'; v: string | number | boolean | null }
  | { k: 'path'; names: string[] }
  | { k: 'cmp'; op: '=' | '!=' | '<' | '<=' | '>' | '>='; a: Node; b: Node }
  | { k: 'and' | 'or'; a: Node; b: Node };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words the FEEL grammar gives a meaning of its own (or that start a built-in name like `date and time`). */
const RESERVED = new Set([
  'true',
  'false',
  'null',
  'and',
  'or',
  'not',
  'in',
  'between',
  'instance',
  'of',
  'for',
  'return',
  'if',
  'then',
  'else',
  'some',
  'every',
  'satisfies',
  'function',
  'external',
  'date',
  'time',
  'duration',
]);
const TOKEN =
  /[ \t\r\n]*(?:([A-Za-z_][A-Za-z0-9_]*)|([0-9]+(?:\.[0-9]+)?)(?![A-Za-z0-9_.])|"([^"\\\n\r]*)"|(!=|<=|>=|=|<|>|\.))/y;

type Token =
  { t: 'name'; v: string } | { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'op'; v: string };

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^[ \t\r\n]*$/.test(source.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(source);
    if (!m) return null;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ t: 'name', v: m[1] });
    else if (m[2] !== undefined)
      tokens.push({ t: 'num', v: m[2].includes('.') ? parseFloat(m[2]) : parseInt(m[2], 10) });
    else if (m[3] !== undefined) tokens.push({ t: 'str', v: m[3] });
    else tokens.push({ t: 'op', v: m[4] });
  }
  return tokens;
}

/** Recursive descent over `or := and ("or" and)*; and := cmp ("and" cmp)*; cmp := operand (op operand)?`. */
function compile(source: string): Node | null {
  const tokens = tokenize(source);
  if (!tokens || tokens.length === 0) return null;
  let n = 0;
  const peek = () => tokens[n];
  const isWord = (word: string) => peek()?.t === 'name' && peek().v === word;

  const operand = (): Node | null => {
    const tok = tokens[n++];
    if (!tok) return null;
    if (tok.t === 'num' || tok.t === 'str') return { k: 'lit', v: tok.v };
    if (tok.t !== 'name') return null;
    if (tok.v === 'true' || tok.v === 'false') return { k: 'lit', v: tok.v === 'true' };
    if (tok.v === 'null') return { k: 'lit', v: null };
    if (RESERVED.has(tok.v)) return null;
    const names = [tok.v];
    while (peek()?.t === 'op' && peek().v === '.') {
      n++;
      const next = tokens[n++];
      if (next?.t !== 'name' || RESERVED.has(next.v)) return null;
      names.push(next.v);
    }
    return { k: 'path', names };
  };
  const comparison = (): Node | null => {
    const a = operand();
    if (!a) return null;
    const tok = peek();
    if (tok?.t !== 'op') return a;
    if (tok.v === '.') return null;
    n++;
    const b = operand();
    return b && { k: 'cmp', op: tok.v as Extract<Node, { k: 'cmp' }>['op'], a, b };
  };
  const conjunction = (): Node | null => {
    let a = comparison();
    while (a && isWord('and')) {
      n++;
      const b = comparison();
      a = b && { k: 'and', a, b };
    }
    return a;
  };
  let root = conjunction();
  while (root && isWord('or')) {
    n++;
    const b = conjunction();
    root = b && { k: 'or', a: root, b };
  }
  return root && n === tokens.length ? root : null;
}

const compiled = new Map<string, Node | null>();
const CACHE_LIMIT = 500;

function compileCached(source: string): Node | null {
  let node = compiled.get(source);
  if (node === undefined) {
    node = compile(source);
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(source, node);
  }
  return node;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Every key a plain identifier: then feelin's parse of the expression does not depend on this context. */
function plainKeys(context: Record<string, unknown>): boolean {
  for (const key of Object.keys(context)) if (!IDENTIFIER.test(key)) return false;
  return true;
}

function lookup(target: unknown, name: string): Result {
  if (
    target === null ||
    typeof target === 'boolean' ||
    typeof target === 'number' ||
    typeof target === 'string'
  )
    return null;
  if (!isPlainObject(target) || !plainKeys(target)) return NOT_SIMPLE;
  const value = Object.prototype.hasOwnProperty.call(target, name) ? target[name] : undefined;
  return value === undefined ? NOT_SIMPLE : value;
}

const isScalar = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function equals(a: unknown, b: unknown): boolean | null | typeof NOT_SIMPLE {
  if (!isScalar(a) || !isScalar(b)) return NOT_SIMPLE;
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b) return null;
  return a === b;
}

function run(node: Node, context: Variables): Result {
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'path': {
      const root = Object.prototype.hasOwnProperty.call(context, node.names[0])
        ? context[node.names[0]]
        : undefined;
      if (root === undefined) return NOT_SIMPLE;
      let value: unknown = root;
      for (let i = 1; i < node.names.length; i++) {
        value = lookup(value, node.names[i]);
        if (value === NOT_SIMPLE) return NOT_SIMPLE;
      }
      return value;
    }
    case 'cmp': {
      const a = run(node.a, context);
      const b = run(node.b, context);
      if (a === NOT_SIMPLE || b === NOT_SIMPLE) return NOT_SIMPLE;
      if (node.op === '=' || node.op === '!=') {
        const eq = equals(a, b);
        if (eq === NOT_SIMPLE || eq === null || node.op === '=') return eq;
        return !eq;
      }
      if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b))
        return NOT_SIMPLE;
      if (node.op === '<') return a < b;
      if (node.op === '<=') return a <= b;
      if (node.op === '>') return a > b;
      return a >= b;
    }
    case 'and':
    case 'or': {
      const left = run(node.a, context);
      const right = run(node.b, context);
      if (left === NOT_SIMPLE || right === NOT_SIMPLE) return NOT_SIMPLE;
      const a = typeof left === 'boolean' ? left : null;
      const b = typeof right === 'boolean' ? right : null;
      if (node.k === 'and')
        return a === false || b === false ? false : a === true && b === true ? true : null;
      return a === true || b === true ? true : a === false && b === false ? false : null;
    }
  }
}

/** The expression's value as feelin would compute it (before conversion to JSON), or `NOT_SIMPLE`. */
export function evaluateSimple(expression: string, context: Variables): Result {
  const node = compileCached(expression);
  if (!node || !plainKeys(context)) return NOT_SIMPLE;
  return run(node, context);
}
