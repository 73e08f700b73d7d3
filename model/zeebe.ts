/**
 * Attributes of the zeebe:* extension elements we read, as zeebe-bpmn-moddle parses them
 * (see node_modules/zeebe-bpmn-moddle/resources/zeebe.json). Names follow the XML.
 */
import type { BpmnElement } from './moddle';

export interface TaskDefinition {
  type?: string;
  retries?: string;
}
export interface TaskHeaders {
  values?: Array<{ key?: string; value?: string }>;
}
export interface IoMapping {
  inputParameters?: Array<{ source?: string; target?: string }>;
  outputParameters?: Array<{ source?: string; target?: string }>;
}
export interface Subscription {
  correlationKey?: string;
}
export interface LoopCharacteristics {
  inputCollection?: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
}
export interface CalledElement {
  processId?: string;
  propagateAllChildVariables?: boolean;
  propagateAllParentVariables?: boolean;
  bindingType?: string;
}
export interface CalledDecision {
  decisionId?: string;
  resultVariable?: string;
  bindingType?: string;
  versionTag?: string;
}
export interface Script {
  expression?: string;
  resultVariable?: string;
}
export interface AssignmentDefinition {
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
}
export interface FormDefinition {
  formId?: string;
  formKey?: string;
  externalReference?: string;
}
export interface TaskSchedule {
  dueDate?: string;
  followUpDate?: string;
}
export interface Properties {
  properties?: Array<{ name?: string; value?: string }>;
}

export interface ExecutionListenerDefinition {
  eventType?: string;
  type?: string;
  retries?: string;
  headers?: TaskHeaders;
}
export interface ExecutionListeners {
  listeners?: ExecutionListenerDefinition[];
}
export interface TaskListenerDefinition {
  eventType?: string;
  type?: string;
  retries?: string;
}
export interface TaskListeners {
  listeners?: TaskListenerDefinition[];
}

export const ZEEBE = {
  taskDefinition: 'zeebe:TaskDefinition',
  taskHeaders: 'zeebe:TaskHeaders',
  ioMapping: 'zeebe:IoMapping',
  subscription: 'zeebe:Subscription',
  loopCharacteristics: 'zeebe:LoopCharacteristics',
  calledElement: 'zeebe:CalledElement',
  calledDecision: 'zeebe:CalledDecision',
  script: 'zeebe:Script',
  assignmentDefinition: 'zeebe:AssignmentDefinition',
  formDefinition: 'zeebe:FormDefinition',
  taskSchedule: 'zeebe:TaskSchedule',
  properties: 'zeebe:Properties',
  executionListeners: 'zeebe:ExecutionListeners',
  taskListeners: 'zeebe:TaskListeners',
} as const;

export type ZeebeElement<T> = T & BpmnElement;
