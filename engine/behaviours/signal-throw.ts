/**
 * Signal throw (intermediate or end event): the broadcast is I/O, so it is a job of the
 * engine's reserved type SIGNAL_TASK_TYPE; the event completes once the broadcast is
 * recorded. As in Zeebe, the signal carries the event's local variables (its input mappings),
 * not the whole scope.
 */
import { SIGNAL_TASK_TYPE } from '../../model/process-graph';
import type { StepContext } from '../context';
import { nextKey } from '../context';
import { evaluateValue } from '../feel';
import type { ElementInstance } from '../state';
import { visibleVariables } from '../variables';

/** Attempts of the broadcast job before an incident: recording it fails only while the database is down. */
const BROADCAST_RETRIES = 3;

export function throwSignal(ctx: StepContext, inst: ElementInstance, signalName: string): void {
  const name = String(evaluateValue(signalName, visibleVariables(ctx, inst.key)));
  const jobKey = nextKey(ctx);
  inst.wait = { kind: 'job', jobKey };
  ctx.commands.push({
    type: 'scheduleActivity',
    jobKey,
    elementId: inst.elementId,
    elementInstanceKey: inst.key,
    taskType: SIGNAL_TASK_TYPE,
    retries: BROADCAST_RETRIES,
    headers: { signalName: name },
    variables: { ...(ctx.state.variables[inst.key] ?? {}) },
  });
}
