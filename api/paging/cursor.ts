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

export function encodeCursorStrings(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function badCursor(code: string) {
  return badRequest(code, 'cursor is not valid: pass the nextCursor of the previous page unchanged');
}
