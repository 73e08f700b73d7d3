/**
 * CR-11: purchase orders and their amendments are kept while the part (family) is active for
 * production and service, plus one calendar year; a customer may ask for longer.
 */
import { addYears } from './dates';

export function retentionUntil(
  archivedOn: string,
  partsActiveUntil: (string | null)[],
  extraYears = 0,
): string {
  const active = partsActiveUntil.filter((d): d is string => !!d);
  const lastActive = [archivedOn, ...active].sort().at(-1)!;
  return addYears(lastActive, 1 + Math.max(0, extraYears));
}

export function underRetention(retention: string | null, today: string): boolean {
  return retention === null || today <= retention;
}
