/**
 * Compensation throw and end events: compensate `activityRef`, or every completed compensable
 * activity of the throw's scope (inside an event subprocess, also of the scope around it),
 * and the compensable activities that completed inside those, newest first. Each handler starts
 * in the throw's scope with the compensated activity's variables as locals; the throw event
 * waits until every handler it started has completed (Zeebe's waitForCompletion is always true).
 */
import type { StepContext } from '../context';
import { compensationBoundaryOf, compensationHandlerOf } from '../compensation';
import { activateElement, completeElement, enterTriggered } from '../lifecycle';
import type { CompensableActivity, ElementInstance, Variables } from '../state';

function scopesOf(ctx: StepContext, thrower: ElementInstance): string[] {
  const scope = ctx.state.instances[thrower.parentKey!];
  const node = scope?.kind === 'element' ? ctx.graph.nodes[scope.elementId] : undefined;
  const inEventSubprocess = node?.kind === 'subProcess' && node.triggeredByEvent;
  return inEventSubprocess && scope.parentKey ? [scope.key, scope.parentKey] : [thrower.parentKey!];
}

/** The chosen records and, top to bottom, those nested in them, each with the variables its handler gets. */
function collect(
  records: CompensableActivity[],
  chosen: CompensableActivity[],
  outer: Variables,
  into: { record: CompensableActivity; locals: Variables }[],
): void {
  for (const record of [...chosen].reverse()) {
    const locals = { ...outer, ...record.variables };
    into.push({ record, locals });
    collect(
      records,
      records.filter((r) => r.scopeKey === record.instanceKey),
      locals,
      into,
    );
  }
}

const handlersRunning = (ctx: StepContext, thrower: ElementInstance) =>
  Object.values(ctx.state.instances).some((i) => i.compensationOf === thrower.key);

/** Start the compensation; the thrower completes now or once its last handler has. */
export function throwCompensation(ctx: StepContext, thrower: ElementInstance, activityRef?: string): void {
  const records = ctx.state.compensable ?? [];
  const scopes = scopesOf(ctx, thrower);
  const chosen = records.filter(
    (r) => scopes.includes(r.scopeKey) && (activityRef === undefined || r.elementId === activityRef),
  );
  const triggered: { record: CompensableActivity; locals: Variables }[] = [];
  collect(records, chosen, {}, triggered);
  const used = new Set(triggered.map((t) => t.record));
  const kept = records.filter((r) => !used.has(r));
  if (kept.length) ctx.state.compensable = kept;
  else delete ctx.state.compensable;
  for (const { record, locals } of triggered) {
    // Resolved in the graph the instance runs now: a migrated instance takes the target's handler.
    const boundary = record.handlerId ? compensationBoundaryOf(ctx, record.elementId) : undefined;
    const handler = compensationHandlerOf(ctx, record.elementId);
    if (!boundary || !handler) continue;
    enterTriggered(ctx, boundary, thrower.parentKey!);
    activateElement(ctx, handler, thrower.parentKey!, { locals, compensationOf: thrower.key });
  }
  if (!ctx.state.instances[thrower.key]) return;
  if (handlersRunning(ctx, thrower)) thrower.wait = { kind: 'compensation' };
  else completeElement(ctx, thrower);
}

/** A handler completed: the waiting thrower completes after its last one. */
export function compensationHandlerDone(ctx: StepContext, thrower: ElementInstance): void {
  if (thrower.wait?.kind !== 'compensation' || handlersRunning(ctx, thrower)) return;
  delete thrower.wait;
  completeElement(ctx, thrower);
}
