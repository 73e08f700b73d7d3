/** The name of a code the records show (a status, a department, a verdict…) in the chosen language; an unknown code as it is. */
import { tr } from './endpoints';
import type { codesEn } from './records-messages';

export type CodeKind = keyof typeof codesEn;

export function codeName(kind: CodeKind, code: string): string {
  return tr(`codes.${kind}.${code}`, { defaultValue: code });
}

/** A list of codes (departments, …) by name, joined in the language's way. */
export function codeNames(kind: CodeKind, codes: string[]): string {
  return codes.map((c) => codeName(kind, c)).join(tr('records.listSeparator'));
}
