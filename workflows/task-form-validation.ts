/**
 * Hook for validating a completed task's form data inside the completeTask update
 * validator. Form schemas are not part of the process graph yet, so nothing is rejected;
 * when they are, this returns the reason a submission is invalid.
 */
import type { OpenTask, Variables } from '../engine';

export function formValidationError(_task: OpenTask, _variables: Variables): string | undefined {
  return undefined;
}
