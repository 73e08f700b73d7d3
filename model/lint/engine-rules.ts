/** The engine's own rules, by name (configured as `engine/<name>`). */
import type { RuleFactory } from 'bpmnlint';
import calledDecision from './rules/called-decision';
import calledElement from './rules/called-element';
import compensation from './rules/compensation';
import defaultFlow from './rules/default-flow';
import executableProcess from './rules/executable-process';
import feelSyntax from './rules/feel-syntax';
import listeners from './rules/listeners';
import messageSubscription from './rules/message-subscription';
import multiInstance from './rules/multi-instance';
import scriptTask from './rules/script-task';
import serviceTaskType from './rules/service-task-type';
import signalEvent from './rules/signal-event';
import supportedElement from './rules/supported-element';
import supportedEvent from './rules/supported-event';
import throwEventCode from './rules/throw-event-code';
import timerDefinition from './rules/timer-definition';

export const engineRules: Record<string, RuleFactory> = {
  'called-decision': calledDecision,
  'called-element': calledElement,
  compensation,
  'default-flow': defaultFlow,
  'executable-process': executableProcess,
  'feel-syntax': feelSyntax,
  listeners,
  'message-subscription': messageSubscription,
  'multi-instance': multiInstance,
  'script-task': scriptTask,
  'service-task-type': serviceTaskType,
  'signal-event': signalEvent,
  'supported-element': supportedElement,
  'supported-event': supportedEvent,
  'throw-event-code': throwEventCode,
  'timer-definition': timerDefinition,
};
