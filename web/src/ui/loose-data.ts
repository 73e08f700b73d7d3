/**
 * Reading answers whose shape is still being settled (the contract pack's domain
 * endpoints): find the list in `{ items }` / `{ rows }` / a bare array, pick fields by
 * several likely names, and show the rest as plain key–value text.
 */
export type Row = Record<string, unknown>;

export function rowsOf(body: unknown, ...keys: string[]): Row[] {
  if (Array.isArray(body)) return body.filter(isRow);
  if (!isRow(body)) return [];
  for (const key of [...keys, 'items', 'rows', 'data', 'entries']) {
    const value = body[key];
    if (Array.isArray(value)) return value.filter(isRow);
  }
  return [];
}

export function field(row: Row, ...names: string[]): unknown {
  for (const name of names)
    if (row[name] !== undefined && row[name] !== null && row[name] !== '') return row[name];
  return undefined;
}

export function text(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

export function num(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function isRow(value: unknown): value is Row {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
