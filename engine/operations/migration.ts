/** Migrating a running instance to another version of its process (Camunda's process instance migration). */

/** Where the tokens at a source element go in the target version. Elements with the same id and type map implicitly. */
export interface MigrationMapping {
  sourceElementId: string;
  targetElementId: string;
}

export type MigrationProblemKind = 'unmapped' | 'incompatible' | 'unsupported';

/** One active (or possibly active) element the plan cannot carry over. */
export interface MigrationProblem {
  elementId: string;
  problem: MigrationProblemKind;
  message: string;
  targetElementId?: string;
}
