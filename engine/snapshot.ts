/** The instance as the API shows it: derived from the state, never stored twice. */
import {
  ROOT_KEY,
  type EngineIncident,
  type EngineState,
  type InstanceStatus,
  type OpenTask,
  type Variables,
} from './state';

export interface EngineSnapshot {
  state: InstanceStatus;
  activeElements: string[];
  completedElements: { elementId: string; count: number }[];
  variables: Variables;
  incidents: EngineIncident[];
  openTasks: Omit<OpenTask, 'elementInstanceKey'>[];
  subscriptions: { name: string; correlationKey?: string; elementId: string }[];
}

export function snapshotOf(state: EngineState): EngineSnapshot {
  const active = Object.values(state.instances)
    .filter((i) => i.kind !== 'process')
    .map((i) => i.elementId);
  return {
    state: state.status,
    activeElements: [...new Set(active)].sort(),
    completedElements: Object.entries(state.completed).map(([elementId, count]) => ({ elementId, count })),
    variables: { ...(state.variables[ROOT_KEY] ?? state.result ?? {}) },
    incidents: state.incidents,
    openTasks: Object.values(state.tasks).map(({ elementInstanceKey: _key, ...task }) => task),
    subscriptions: Object.values(state.messages).map((m) => ({
      name: m.name,
      elementId: m.elementId,
      ...(m.correlationKey !== undefined ? { correlationKey: m.correlationKey } : {}),
    })),
  };
}
