import { createHash } from 'node:crypto';
import { badRequest } from '../errors/domain-error';

/** A cursor is base64url text of bounded length: anything else is refused before it is decoded. */
const CURSOR = /^[A-Za-z0-9_-]{1,4096}$/;

/** The opaque bytes of a cursor (a Temporal page token); 400 `<code>` when it is not one this API handed out. */
export function cursorBytes(cursor: string, code: string): Buffer {
  if (!CURSOR.test(cursor)) throw badCursor(code);
  return Buffer.from(cursor, 'base64url');
}

/** The string tuple a keyset cursor encodes; 400 `<code>` unless it is exactly `arity` strings. */
export function cursorStrings(cursor: string, arity: number, code: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(cursorBytes(cursor, code).toString('utf8'));
  } catch {
    throw badCursor(code);
  }
  if (!Array.isArray(value) || value.length !== arity || value.some((v) => typeof v !== 'string'))
    throw badCursor(code);
  return value as string[];
}

const TAG_BYTES = 8;
const tagOf = (token: Uint8Array) =>
  createHash('sha256').update('bpmn-temporal cursor').update(token).digest().subarray(0, TAG_BYTES);

/**
 * An opaque page token (Temporal's) as a cursor, with a check tag: a cursor that was cut,
 * changed or made up is refused at once instead of reaching Temporal, which fails on
 * tokens it did not issue only after its retries.
 */
export function sealToken(token: Uint8Array): string {
  return Buffer.concat([tagOf(token), token]).toString('base64url');
}

/** The page token of a cursor made by sealToken; 400 `<code>` otherwise. */
export function openToken(cursor: string, code: string): Buffer {
  const bytes = cursorBytes(cursor, code);
  const token = bytes.subarray(TAG_BYTES);
  if (bytes.length <= TAG_BYTES || !tagOf(token).equals(bytes.subarray(0, TAG_BYTES))) throw badCursor(code);
  return token;
}

export function encodeCursorStrings(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function badCursor(code: string) {
  return badRequest(code, 'cursor is not valid: pass the nextCursor of the previous page unchanged');
}
