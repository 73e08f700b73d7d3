/** What an operator may ask of one running instance (Camunda Operate's process instance modification). */
import type { Variables } from '../state';

export interface ModificationInstructions {
  /** Put a new token on an element (optionally with local variables for it). */
  activate?: { elementId: string; variables?: Variables }[];
  /** End every token at an element, as if an interrupting event had taken it away. */
  terminate?: { elementId: string }[];
  /** Terminate the tokens at one element and put one token on another. */
  move?: { fromElementId: string; toElementId: string }[];
  /** Set variables in a scope: the process (no scopeElementId) or the one active instance of a subprocess / element. */
  variables?: { scopeElementId?: string; variables: Variables }[];
}

/** Why a modification (or a migration) was refused; nothing changed. */
export interface OperationRefusal {
  code: string;
  message: string;
  elementId?: string;
}
