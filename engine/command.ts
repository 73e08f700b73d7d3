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
  /** Set for a listener's job: which listener, so its worker knows (Zeebe's job kind and listener event type). */
  listener?: JobListenerInfo;
  /** A task listener's job: the task as it stands (Zeebe puts these in the job's headers). */
  userTask?: UserTaskOfJob;
}

export interface JobListenerInfo {
  kind: 'executionListener' | 'taskListener';
  eventType: string;
}

export interface UserTaskOfJob {
  taskId: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  followUpDate?: string;
  formId?: string;
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
  /** A task listener corrected an open task (assignee, candidates, dates): the task record follows. */
  | { type: 'correctUserTask'; task: OpenTask }
  /** A completing task listener denied the completion: the task stays open, the completion is refused with the reason. */
  | { type: 'taskCompletionDenied'; taskId: string; deniedReason: string }
  | { type: 'completeInstance'; variables: Variables }
  | { type: 'terminateInstance' }
  /** A child instance ends with an uncaught BPMN error, for the parent's call activity to catch. */
  | { type: 'failInstance'; error: BpmnErrorPayload };
