/** What the core asks its host to carry out; the host reports back with stimuli. */
import type { BpmnErrorPayload } from './stimulus';
import type { EngineIncident, OpenTask, Variables } from './state';

export interface ScheduleActivity {
  type: 'scheduleActivity';
  jobKey: string;
  elementId: string;
  elementInstanceKey: string;
  taskType: string;
  /** Attempts before the failure becomes an incident (zeebe:taskDefinition retries). */
  retries: number;
  headers: Record<string, string>;
  variables: Variables;
}

export interface StartChild {
  type: 'startChild';
  /** Unique within the instance: the host names the child workflow `<parentId>/<elementId>/<childKey>`. */
  childKey: string;
  elementId: string;
  processId: string;
  binding: 'latest' | 'deployment';
  version?: number;
  variables: Variables;
}

export type Command =
  | ScheduleActivity
  | { type: 'cancelActivity'; jobKey: string }
  | { type: 'openUserTask'; task: OpenTask; variables: Variables }
  | {
      type: 'closeUserTask';
      taskId: string;
      outcome: 'completed' | 'cancelled';
      user?: string;
      variables?: Variables;
    }
  | { type: 'startTimer'; timerKey: string; elementId: string; fireAt: number; fireAtIso: string }
  | { type: 'cancelTimer'; timerKey: string }
  | {
      type: 'subscribeMessage';
      subscriptionKey: string;
      elementId: string;
      name: string;
      correlationKey?: string;
    }
  | { type: 'unsubscribeMessage'; subscriptionKey: string }
  | { type: 'subscribeSignal'; subscriptionKey: string; elementId: string; name: string }
  | { type: 'unsubscribeSignal'; subscriptionKey: string }
  | StartChild
  | { type: 'cancelChild'; childKey: string }
  | { type: 'raiseIncident'; incident: EngineIncident }
  | { type: 'completeInstance'; variables: Variables }
  | { type: 'terminateInstance' }
  /** A child instance ends with an uncaught BPMN error, for the parent's call activity to catch. */
  | { type: 'failInstance'; error: BpmnErrorPayload };
