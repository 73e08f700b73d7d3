/**
 * Embedded and event subprocesses (their children are walked by compile-process) and call
 * activities, with Zeebe's defaults: latest binding, variables propagated both ways.
 */
import { extension } from '../moddle';
import { ZEEBE, type CalledElement } from '../zeebe';
import type { HandlerMap } from './context';

export const subprocessHandlers: HandlerMap = {
  'bpmn:SubProcess': (element) => ({
    kind: 'subProcess',
    triggeredByEvent: element.triggeredByEvent ?? false,
  }),
  'bpmn:CallActivity': (element) => {
    const called = extension<CalledElement>(element, ZEEBE.calledElement);
    return {
      kind: 'callActivity',
      calledElement: called?.processId?.trim() ?? '',
      binding: called?.bindingType === 'deployment' ? 'deployment' : 'latest',
      propagateAllChildVariables: called?.propagateAllChildVariables ?? true,
      propagateAllParentVariables: called?.propagateAllParentVariables ?? true,
    };
  },
};
