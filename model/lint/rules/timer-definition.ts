/**
 * A timer needs exactly one of duration / date / cycle, and a static value must parse:
 * a typo like `PT5` should fail the deploy, not the instance weeks later. A cycle stands
 * only where Zeebe takes one: on a timer start event and a non-interrupting boundary event.
 */
import { bodyOf, is, isExpression, type BpmnElement } from '../../moddle';
import {
  cycleIntervalSeconds,
  isCycle,
  isDateTime,
  isDuration,
  MIN_CYCLE_INTERVAL_SECONDS,
} from '../../timer-syntax';
import { engineRule } from '../engine-rule';

const CHECKS = {
  timeDuration: { valid: isDuration, example: 'an ISO 8601 duration such as PT15M or P1D' },
  timeDate: {
    valid: isDateTime,
    example: 'an ISO 8601 date-time with offset such as 2025-01-31T09:00:00+08:00',
  },
  timeCycle: { valid: isCycle, example: 'R3/PT10M, R/P1D or a cron expression such as 0 0 9 * * MON-FRI' },
} as const;

type TimerProperty = keyof typeof CHECKS;

export default engineRule('timer-definition', (element, report) => {
  const timer = element.eventDefinitions?.[0];
  if (!is(timer, 'bpmn:TimerEventDefinition') || !timer) return;

  const set = (Object.keys(CHECKS) as TimerProperty[]).filter((property) => bodyOf(timer[property]));
  if (set.length !== 1) {
    report(element.id, `A timer needs exactly one of duration, date or cycle (found ${set.length}).`);
    return;
  }
  const property = set[0];
  if (property === 'timeDuration' && isProcessStart(element)) {
    report(
      element.id,
      'A process timer start event needs a date or a cycle: a duration has nothing to start from.',
    );
    return;
  }
  const value = bodyOf(timer[property]) as string;
  if (!isExpression(value) && !CHECKS[property].valid(value)) {
    report(element.id, `Invalid timer value "${value}": expected ${CHECKS[property].example}.`);
    return;
  }
  const interval = property === 'timeCycle' ? cycleIntervalSeconds(value) : undefined;
  if (interval !== undefined && interval < MIN_CYCLE_INTERVAL_SECONDS) {
    report(
      element.id,
      `Timer cycle "${value}" repeats every ${interval} s: the shortest interval is ${MIN_CYCLE_INTERVAL_SECONDS} s.`,
    );
    return;
  }
  if (property === 'timeCycle' && !cycleAllowed(element)) {
    report(
      element.id,
      'A timer cycle belongs on a timer start event or a non-interrupting boundary event (Zeebe rejects it elsewhere): use a duration or a date, e.g. a FEEL expression for the next meeting.',
    );
  }
});

function cycleAllowed(element: BpmnElement): boolean {
  if (is(element, 'bpmn:StartEvent')) return true;
  return is(element, 'bpmn:BoundaryEvent') && element.cancelActivity === false;
}

function isProcessStart(element: BpmnElement): boolean {
  return is(element, 'bpmn:StartEvent') && is(element.$parent, 'bpmn:Process');
}
