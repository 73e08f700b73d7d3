/**
 * What compensation remembers: each completed activity that has a compensation handler, and
 * each completed embedded subprocess or multi-instance body that holds such activities, as
 * Zeebe's compensation subscriptions do, with the activity's local variables at completion.
 * Terminating a scope forgets what completed inside it. Starting the handlers is the throw
 * events' part (behaviours/compensate.ts).
 */
import type { StepContext } from './context';
import { nodeOf } from './context';
import type { CompensableActivity, ElementInstance } from './state';

/** The compensation boundary event of an activity, if it has one. */
export function compensationBoundaryOf(ctx: StepContext, elementId: string): string | undefined {
  return ctx.graph.nodes[elementId]?.boundaryEvents?.find((id) => {
    const b = ctx.graph.nodes[id];
    return b?.kind === 'boundaryEvent' && b.event.type === 'compensation';
  });
}

/** The handler of an activity's compensation boundary event in the graph the instance runs now. */
export function compensationHandlerOf(ctx: StepContext, elementId: string): string | undefined {
  const boundary = compensationBoundaryOf(ctx, elementId);
  const node = boundary ? ctx.graph.nodes[boundary] : undefined;
  return node?.kind === 'boundaryEvent' ? node.compensationHandler : undefined;
}

function handlerOf(ctx: StepContext, inst: ElementInstance): string | undefined {
  // A multi-instance activity is compensated once, by its body: its iterations have no handler of their own.
  return inst.miInner ? undefined : compensationHandlerOf(ctx, inst.elementId);
}

/** Zeebe's flow scopes that carry compensation: embedded subprocesses and multi-instance bodies. */
function canHoldRecords(ctx: StepContext, inst: ElementInstance): boolean {
  if (inst.kind === 'mi-body') return true;
  const node = nodeOf(ctx, inst.elementId);
  return node.kind === 'subProcess' && !node.triggeredByEvent;
}

/** Called as an element instance completes, while its variables still exist. */
export function rememberCompensable(ctx: StepContext, inst: ElementInstance): void {
  if (inst.kind === 'process' || !inst.parentKey) return;
  const records = ctx.state.compensable ?? [];
  const handlerId = handlerOf(ctx, inst);
  const holdsRecords = canHoldRecords(ctx, inst) && records.some((r) => r.scopeKey === inst.key);
  if (!handlerId && !holdsRecords) return;
  const locals = ctx.state.variables[inst.key];
  const record: CompensableActivity = {
    instanceKey: inst.key,
    elementId: inst.elementId,
    scopeKey: inst.parentKey,
    ...(handlerId ? { handlerId } : {}),
    ...(locals && Object.keys(locals).length ? { variables: locals } : {}),
  };
  ctx.state.compensable = [...records, record];
}

/** A scope instance was terminated: what completed inside it can no longer be compensated. */
export function forgetCompensable(ctx: StepContext, scopeKey: string): void {
  const records = ctx.state.compensable;
  if (!records?.some((r) => r.scopeKey === scopeKey)) return;
  const gone = new Set([scopeKey]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of records)
      if (gone.has(r.scopeKey) && !gone.has(r.instanceKey)) grew = !!gone.add(r.instanceKey);
  }
  const kept = records.filter((r) => !gone.has(r.scopeKey));
  if (kept.length) ctx.state.compensable = kept;
  else delete ctx.state.compensable;
}
