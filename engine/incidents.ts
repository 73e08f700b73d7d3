/**
 * Incidents park an element instance until an operator retries it; the instance keeps
 * running elsewhere. The retry re-enters the phase that failed.
 */
import type { StepContext } from './context';
import { nextKey, nowIso } from './context';
import { ExpressionError } from './feel';
import type { ElementInstance, EngineIncident, IncidentRetry } from './state';
import { record } from './timeline';

export function raiseIncident(
  ctx: StepContext,
  inst: ElementInstance,
  kind: EngineIncident['kind'],
  message: string,
  retry: IncidentRetry,
): void {
  const incident: EngineIncident = {
    incidentId: `${ctx.state.instanceId}/incident/${nextKey(ctx)}`,
    elementId: inst.elementId,
    elementInstanceId: inst.key,
    kind,
    message,
    createdAt: nowIso(ctx),
    resolved: false,
  };
  ctx.state.incidents.push(incident);
  inst.incident = { incidentId: incident.incidentId, retry };
  record(ctx, inst.elementId, 'incident', { detail: { kind, message } });
  ctx.commands.push({ type: 'raiseIncident', incident });
}

export function markResolved(ctx: StepContext, inst: ElementInstance): void {
  if (!inst.incident) return;
  const incident = ctx.state.incidents.find((i) => i.incidentId === inst.incident!.incidentId);
  if (incident) incident.resolved = true;
  delete inst.incident;
}

/** Run a phase of an element; an expression that cannot be evaluated parks it in an incident. */
export function guarded(
  ctx: StepContext,
  inst: ElementInstance,
  retry: IncidentRetry,
  run: () => void,
): boolean {
  try {
    run();
    return true;
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    raiseIncident(ctx, inst, err.kind, err.message, retry);
    return false;
  }
}
