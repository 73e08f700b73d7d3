/**
 * The pure checks behind the API's answers to hostile input (issue 12 §6, §8): each is the
 * reason a request is refused with a 4xx before anything reaches Temporal or an instance.
 */
import { exceedsJsonDepth, JSON_DEPTH_LIMIT } from '../../../api/input/json-depth';
import { KEY_MAX_LENGTH, keyProblem } from '../../../api/input/safe-key';
import {
  cursorBytes,
  cursorStrings,
  encodeCursorStrings,
  openToken,
  sealToken,
} from '../../../api/paging/cursor';
import { allowedTaskVariables, assertOnlyAllowed } from '../../../api/tasks/task-variables';
import { emptyState, ROOT_KEY, step } from '../../../engine';
import { cycleIntervalSeconds } from '../../../model/timer-syntax';
import { INSTANCE_VARIABLES_LIMIT_BYTES } from '../../../workflows/limits';
import { variablesLimitError } from '../../../workflows/variables-limit';
import { graph } from '../engine/support/graph-builder';
import { jsonSizeBytes } from '../../../workflows/limits';
import { fromSearchKeyword, searchKeyword, subscriptionTerm } from '../../../workflows/protocol';

const nested = (depth: number) => Buffer.from('['.repeat(depth) + ']'.repeat(depth));

describe('JSON depth', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(JSON_DEPTH_LIMIT))).toBe(false);
    expect(exceedsJsonDepth(nested(JSON_DEPTH_LIMIT + 1))).toBe(true);
    expect(exceedsJsonDepth(nested(5000))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: '['.repeat(500), b: 'say \\"[[[[\\"', c: [[{ d: '{{{{' }]] });
    expect(exceedsJsonDepth(Buffer.from(text))).toBe(false);
  });
});

describe('business and correlation keys', () => {
  it.each([['C-2026-0042'], ['合同-42'], ['with "quotes" and \\ backslash'], ["it's"], ['emoji 😀 pair']])(
    'accepts %j',
    (key) => expect(keyProblem(key)).toBeUndefined(),
  );

  it.each([
    ['a lone high surrogate', 'C-\ud800-1', /well-formed/],
    ['a lone low surrogate', '\udc00C', /well-formed/],
    ['a newline', 'C\n1', /control/],
    ['a NUL', 'C\u00001', /control/],
    ['a tab', 'C\t1', /control/],
    ['DEL', 'C\u007f', /control/],
    ['a C1 control', 'C\u0085', /control/],
    ['a line separator', 'C\u20281', /control/],
    ['the empty string', '', /empty/],
    ['a leading space', ' C-1', /space/],
    ['a key over the limit', 'k'.repeat(KEY_MAX_LENGTH + 1), /at most/],
    ['a number', 42, /text/],
  ])('refuses %s', (_name, key, reason) => expect(keyProblem(key)).toMatch(reason));
});

describe('cursors', () => {
  it('round-trips a keyset cursor', () => {
    const cursor = encodeCursorStrings(['2026-01-01T00:00:00.000Z', 'p/k/Task/3']);
    expect(cursorStrings(cursor, 2, 'X.BAD_CURSOR')).toEqual(['2026-01-01T00:00:00.000Z', 'p/k/Task/3']);
  });

  it.each([
    ['not base64url', '%%%'],
    ['base64 of no JSON', Buffer.from('nope').toString('base64url')],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['numbers', Buffer.from('[1,2]').toString('base64url')],
    ['the wrong arity', Buffer.from('["a"]').toString('base64url')],
    ['too long', 'A'.repeat(5000)],
  ])('refuses %s with 400 and the code', (_name, cursor) => {
    expect(() => cursorStrings(cursor, 2, 'X.BAD_CURSOR')).toThrow(
      expect.objectContaining({ kind: 'bad-request', code: 'X.BAD_CURSOR' }),
    );
  });

  it('seals page tokens: a cut, changed or made-up one is refused', () => {
    const token = Buffer.from('{"page":2}');
    const cursor = sealToken(token);
    expect(openToken(cursor, 'Z')).toEqual(token);
    const changed = Buffer.from(cursor, 'base64url');
    changed[changed.length - 1] ^= 1;
    for (const bad of [cursor.slice(0, -2), changed.toString('base64url'), token.toString('base64url')])
      expect(() => openToken(bad, 'Z')).toThrow(expect.objectContaining({ code: 'Z' }));
  });

  it('decodes opaque page tokens and refuses other characters', () => {
    expect(cursorBytes(Buffer.from([1, 2, 250]).toString('base64url'), 'Y')).toEqual(
      Buffer.from([1, 2, 250]),
    );
    expect(() => cursorBytes('a b', 'Y')).toThrow(expect.objectContaining({ code: 'Y' }));
  });
});

describe('payload size', () => {
  it('counts UTF-8 bytes of the JSON', () => {
    expect(jsonSizeBytes({ a: 'x' })).toBe(9);
    expect(jsonSizeBytes({ a: '中' })).toBe(11);
    expect(jsonSizeBytes({ a: '😀' })).toBe(12);
    expect(jsonSizeBytes('x'.repeat(1024 * 1024))).toBe(1024 * 1024 + 2);
  });
});

describe('variables a task completion may set', () => {
  const form = {
    id: 'f',
    type: 'default' as const,
    components: [
      { type: 'checkbox', key: 'approved' },
      { type: 'textfield', key: 'comment' },
      { type: 'group', path: 'address', components: [{ type: 'textfield', key: 'street' }] },
      { type: 'button', key: 'submit', action: 'submit' },
      { type: 'text', text: 'read me' },
    ],
  };

  it('are the form fields and the names its output mappings read', () => {
    const allowed = allowedTaskVariables(form, [{ source: '=decision.level + "x.y"', target: 'level' }]);
    expect([...allowed!].sort()).toEqual(['address', 'approved', 'comment', 'decision']);
  });

  it('refuse any other variable with 400 naming it', () => {
    const allowed = allowedTaskVariables(form, undefined);
    expect(() => assertOnlyAllowed('t1', { approved: true, annual: false }, allowed)).toThrow(
      expect.objectContaining({
        kind: 'bad-request',
        code: 'TASK.VARIABLE_NOT_ALLOWED',
        details: expect.objectContaining({ notAllowed: ['annual'] }),
      }),
    );
    expect(() => assertOnlyAllowed('t1', { approved: true, comment: 'ok' }, allowed)).not.toThrow();
  });

  it('are not restricted for a task that declares neither a form nor outputs', () => {
    expect(allowedTaskVariables(undefined, undefined)).toBeUndefined();
    expect(() => assertOnlyAllowed('t1', { anything: 1 }, undefined)).not.toThrow();
  });
});

describe('timer cycle interval', () => {
  it.each([
    ['R/PT0.001S', 0.001],
    ['R3/PT10M', 600],
    ['R/2026-01-01T00:00:00Z/P1D', 86400],
    ['R/P1Y', 365 * 86400],
  ])('%s repeats every %d s', (cycle, seconds) => expect(cycleIntervalSeconds(cycle)).toBeCloseTo(seconds));

  it('is not computed for cron or invalid cycles', () => {
    expect(cycleIntervalSeconds('0 0 9 * * MON-FRI')).toBeUndefined();
    expect(cycleIntervalSeconds('every day')).toBeUndefined();
  });
});

describe('visibility keywords', () => {
  it.each([
    ['"', '%22'],
    ['\\', '%5C'],
    ["'", '%27'],
    ['\n', '%0A'],
    ['%', '%25'],
    ['|', '%7C'],
    [' ', '%20'],
    ['*', '%2A'],
    ['(', '%28'],
    ['`', '%60'],
    [';', '%3B'],
  ])('encodes %j so no query dialect misreads it, and decodes it back', (ch, encoded) => {
    expect(searchKeyword(`a${ch}b`)).toBe(`a${encoded}b`);
    expect(fromSearchKeyword(searchKeyword(`a${ch}b`))).toBe(`a${ch}b`);
  });

  it('leaves plain and non-ASCII keys as they are', () => {
    expect(searchKeyword('C-2026_0042.v2:x@y#1+2=3,4/5')).toBe('C-2026_0042.v2:x@y#1+2=3,4/5');
    expect(searchKeyword('合同42')).toBe('合同42');
  });

  it('keeps a subscription term unambiguous when name or key contain the separator', () => {
    expect(subscriptionTerm('a|b', 'c')).not.toBe(subscriptionTerm('a', 'b|c'));
  });
});

describe('instance variables limit (completeTask validator)', () => {
  const state = (variables: Record<string, unknown>) => ({
    ...emptyState('p/k', 'p', false),
    variables: { [ROOT_KEY]: variables },
  });

  it('refuses a step that would grow the variables past the limit, naming it', () => {
    const refusal = variablesLimitError(state({ a: 'x'.repeat(900 * 1024) }), { b: 'x'.repeat(900 * 1024) });
    expect(refusal).toEqual({
      message: expect.stringContaining(String(INSTANCE_VARIABLES_LIMIT_BYTES)),
      details: { limitBytes: INSTANCE_VARIABLES_LIMIT_BYTES, sizeBytes: expect.any(Number) },
    });
    expect(refusal!.details.sizeBytes).toBeGreaterThan(INSTANCE_VARIABLES_LIMIT_BYTES);
  });

  it('counts an overwritten variable once', () => {
    expect(
      variablesLimitError(state({ a: 'x'.repeat(900 * 1024) }), { a: 'x'.repeat(900 * 1024) }),
    ).toBeUndefined();
    expect(variablesLimitError(state({ a: 1 }), {})).toBeUndefined();
  });
});

describe('user task ids', () => {
  it('carry the run key, so a reused business key does not reuse them', () => {
    const g = graph().start().user('approve').end().flow('start', 'approve', 'end').build();
    const env = { now: Date.parse('2026-01-01T00:00:00Z'), timeZone: 'UTC' };
    const run = (runKey: string) =>
      step(g, null, { type: 'start', instanceId: 'approval/K', runKey, variables: {} }, env);
    const first = run('aaaa');
    const second = run('bbbb');
    const ids = (r: typeof first) => Object.keys(r.state.tasks);
    expect(ids(first)).toEqual([expect.stringMatching(/^approval\/K\/aaaa\/approve\/\d+$/)]);
    expect(ids(second)[0]).not.toBe(ids(first)[0]);
  });
});
