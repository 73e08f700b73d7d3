/**
 * Tasks: job-worker tasks (service, send), FEEL scripts, user tasks, receive tasks and
 * pass-through tasks. Zeebe extension attributes are copied as written (static or `=FEEL`).
 */
import { extension, type BpmnElement } from '../moddle';
import {
  ZEEBE,
  type AssignmentDefinition,
  type FormDefinition,
  type Script,
  type Subscription,
  type TaskDefinition,
  type TaskHeaders,
  type TaskSchedule,
} from '../zeebe';
import type { HandlerMap } from './context';
import { taskListenersOf } from './listeners';

/** Zeebe's default when zeebe:taskDefinition has no retries. */
export const DEFAULT_RETRIES = '3';

export function headersOf(element: BpmnElement): Record<string, string> {
  const headers = extension<TaskHeaders>(element, ZEEBE.taskHeaders)?.values ?? [];
  return Object.fromEntries(headers.filter((h) => h.key).map((h) => [h.key as string, h.value ?? '']));
}

/** The job a worker picks up: type, retries and headers. */
export function jobWorker(element: BpmnElement): {
  taskType: string;
  retries: string;
  headers: Record<string, string>;
} {
  const definition = extension<TaskDefinition>(element, ZEEBE.taskDefinition);
  return {
    taskType: definition?.type?.trim() ?? '',
    retries: definition?.retries?.trim() || DEFAULT_RETRIES,
    headers: headersOf(element),
  };
}

export const taskHandlers: HandlerMap = {
  'bpmn:ServiceTask': (element) => ({ kind: 'serviceTask', ...jobWorker(element) }),
  'bpmn:SendTask': (element) => ({ kind: 'sendTask', ...jobWorker(element) }),
  'bpmn:ScriptTask': (element) => {
    const script = extension<Script>(element, ZEEBE.script);
    return {
      kind: 'scriptTask',
      expression: script?.expression ?? '',
      resultVariable: script?.resultVariable ?? '',
    };
  },
  'bpmn:UserTask': (element) => {
    const assignment = extension<AssignmentDefinition>(element, ZEEBE.assignmentDefinition);
    const schedule = extension<TaskSchedule>(element, ZEEBE.taskSchedule);
    return {
      kind: 'userTask',
      assignee: assignment?.assignee,
      candidateGroups: assignment?.candidateGroups,
      candidateUsers: assignment?.candidateUsers,
      formId: extension<FormDefinition>(element, ZEEBE.formDefinition)?.formId,
      dueDate: schedule?.dueDate,
      followUpDate: schedule?.followUpDate,
      headers: headersOf(element),
      ...taskListenersOf(element),
    };
  },
  'bpmn:ReceiveTask': (element) => {
    const message = element.messageRef;
    return {
      kind: 'receiveTask',
      messageName: message?.name ?? '',
      correlationKey: extension<Subscription>(message, ZEEBE.subscription)?.correlationKey,
    };
  },
  'bpmn:Task': () => ({ kind: 'task' }),
  'bpmn:ManualTask': () => ({ kind: 'manualTask' }),
};
