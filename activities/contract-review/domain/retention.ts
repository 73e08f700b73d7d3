/**
 * CR-11: purchase orders and their amendments are kept for the part's production and service
 * life plus one calendar year: until 31 December of the year after that life ends (a
 * customer may ask for more years). While a part has no end of life, retention is open.
 */

/**
 * The last day a contract's records are kept, or null while retention is open (a part of it
 * has no end of life yet). `lifeEnds`: each of the contract's parts' last active day;
 * `fallback`: the life end for a contract without parts (its archiving day).
 */
export function retentionUntil(
  lifeEnds: (string | null)[],
  extraYears = 0,
  fallback?: string,
): string | null {
  if (lifeEnds.some((d) => !d)) return null;
  const ends = lifeEnds.length ? (lifeEnds as string[]) : fallback ? [fallback] : [];
  if (!ends.length) return null;
  const lastYear = Number([...ends].sort().at(-1)!.slice(0, 4));
  return `${String(lastYear + 1 + Math.max(0, extraYears)).padStart(4, '0')}-12-31`;
}

/** Deletion is refused while the records are kept: up to and including the last day, and always while retention is open. */
export function underRetention(retention: string | null, today: string): boolean {
  return retention === null || today <= retention;
}
