/** The pure BPMN interpreter core: no Temporal, no Node, no I/O. */
export { step, type StepResult } from './step';
export { initialState } from './start';
export { DEFAULT_TIME_ZONE, type StepEnvironment } from './context';
export { DEFAULT_LIMITS, type EngineLimits } from './limits';
export type { Stimulus, BpmnErrorPayload } from './stimulus';
export type { Command, ScheduleActivity, StartChild } from './command';
export * from './state';
export { snapshotOf, type EngineSnapshot } from './snapshot';
export { refuseTaskCompletion, ADMIN_GROUP, type TaskRefusal } from './task-authorization';
export {
  planTimer,
  nextFiring,
  addDuration,
  parseDateTime,
  timerStartSchedule,
  type TimerStartSchedule,
} from './timers';
export { evaluateValue, evaluateCondition, isExpression, ExpressionError } from './feel';
