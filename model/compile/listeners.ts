/**
 * zeebe:executionListeners (any flow node, and the process) and zeebe:taskListeners (user
 * tasks), copied as written: `type` and `retries` static or FEEL. Event types Zeebe does not
 * know, or that are not allowed where they stand, are the `engine/listeners` rule's to report.
 */
import { extension, type BpmnElement } from '../moddle';
import type { ExecutionListener, TaskListener, TaskListenerEvent } from '../process-graph';
import { ZEEBE, type ExecutionListeners, type TaskHeaders, type TaskListeners } from '../zeebe';

/** Zeebe's default when a listener has no retries (as for zeebe:taskDefinition). */
const DEFAULT_RETRIES = '3';

/** Camunda 8.8's task listener events, and the names 8.6 and 8.7 wrote for them. */
export const TASK_LISTENER_EVENTS: Record<string, TaskListenerEvent> = {
  creating: 'creating',
  create: 'creating',
  assigning: 'assigning',
  assignment: 'assigning',
  completing: 'completing',
  complete: 'completing',
};

function headers(definition: TaskHeaders | undefined): Record<string, string> | undefined {
  const values = (definition?.values ?? []).filter((h) => h.key);
  return values.length ? Object.fromEntries(values.map((h) => [h.key as string, h.value ?? ''])) : undefined;
}

export function executionListenersOf(element: BpmnElement): { executionListeners?: ExecutionListener[] } {
  const definitions = extension<ExecutionListeners>(element, ZEEBE.executionListeners)?.listeners ?? [];
  const listeners = definitions
    .filter((l) => l.eventType === 'start' || l.eventType === 'end')
    .map((l) => ({
      eventType: l.eventType as 'start' | 'end',
      type: l.type?.trim() ?? '',
      retries: l.retries?.trim() || DEFAULT_RETRIES,
      ...(headers(l.headers) ? { headers: headers(l.headers) } : {}),
    }));
  return listeners.length ? { executionListeners: listeners } : {};
}

export function taskListenersOf(element: BpmnElement): { taskListeners?: TaskListener[] } {
  const definitions = extension<TaskListeners>(element, ZEEBE.taskListeners)?.listeners ?? [];
  const listeners = definitions
    .filter((l) => TASK_LISTENER_EVENTS[l.eventType ?? ''])
    .map((l) => ({
      eventType: TASK_LISTENER_EVENTS[l.eventType ?? ''],
      type: l.type?.trim() ?? '',
      retries: l.retries?.trim() || DEFAULT_RETRIES,
    }));
  return listeners.length ? { taskListeners: listeners } : {};
}
