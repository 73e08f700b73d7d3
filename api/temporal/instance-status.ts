import type { InstanceState } from '../../workflows/protocol';

/** Temporal execution status → BPMN instance state (a cancelled execution was terminated by an operator). */
export function instanceStateOf(status: string): InstanceState {
  switch (status) {
    case 'RUNNING':
      return 'ACTIVE';
    case 'COMPLETED':
    case 'CONTINUED_AS_NEW':
      return 'COMPLETED';
    case 'CANCELLED':
    case 'TERMINATED':
      return 'TERMINATED';
    default:
      return 'FAILED';
  }
}

/** Visibility query clause selecting executions in a BPMN state. */
export function statusClause(state: InstanceState): string {
  const statuses: Record<InstanceState, string[]> = {
    ACTIVE: ['Running'],
    COMPLETED: ['Completed'],
    TERMINATED: ['Canceled', 'Terminated'],
    FAILED: ['Failed', 'TimedOut'],
  };
  return `(${statuses[state].map((s) => `ExecutionStatus = '${s}'`).join(' OR ')})`;
}

/** Visibility clause for one row per instance: a run that continued as new lives on in its successor. */
export const LATEST_RUNS = `ExecutionStatus != 'ContinuedAsNew'`;

/** Quotes a value for a Temporal visibility query. */
export function visibilityLiteral(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
