/**
 * Would a step's variables grow the instance past INSTANCE_VARIABLES_LIMIT_BYTES? Counted as
 * the instance's scopes with the new variables merged into the root scope (where a task's
 * form data lands without output mappings): a slight over-estimate when a mapping narrows them.
 */
import { ROOT_KEY, type EngineState, type Variables } from '../engine';
import { INSTANCE_VARIABLES_LIMIT_BYTES, jsonSizeBytes } from './limits';
import type { VariablesLimitRefusal } from './protocol';

export type VariablesLimitError = VariablesLimitRefusal;

export function variablesLimitError(state: EngineState, added: Variables): VariablesLimitError | undefined {
  if (!Object.keys(added).length) return undefined;
  const merged = { ...state.variables, [ROOT_KEY]: { ...state.variables[ROOT_KEY], ...added } };
  const sizeBytes = jsonSizeBytes(merged);
  if (sizeBytes <= INSTANCE_VARIABLES_LIMIT_BYTES) return undefined;
  return {
    message: `the instance's variables would be ${sizeBytes} bytes, above the limit of ${INSTANCE_VARIABLES_LIMIT_BYTES} bytes (Temporal refuses payloads above 2 MiB)`,
    details: { limitBytes: INSTANCE_VARIABLES_LIMIT_BYTES, sizeBytes },
  };
}
