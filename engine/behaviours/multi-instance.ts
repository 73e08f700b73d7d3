/**
 * Multi-instance body: one inner instance per item of the input collection, all at once
 * (parallel) or one after another (sequential). Each inner instance is a variable scope
 * holding the input element and loopCounter; the output collection lives on the body and
 * propagates when the body completes. A completion condition that holds ends the rest.
 */
import type { Behaviour } from '../behaviour';
import type { StepContext } from '../context';
import { childrenOf, nodeOf } from '../context';
import { evaluateCondition, evaluateValue, ExpressionError } from '../feel';
import { guarded } from '../incidents';
import { activateElement, completeElement, removeInstance, terminateElement } from '../lifecycle';
import type { ElementInstance } from '../state';
import { propagate, setLocal, visibleVariables } from '../variables';
import type { MultiInstance } from '../../model/process-graph';

function loopOf(ctx: StepContext, body: ElementInstance): MultiInstance {
  return nodeOf(ctx, body.elementId).multiInstance!;
}

export const multiInstanceBody: Behaviour = {
  activate(ctx, body) {
    const loop = loopOf(ctx, body);
    const items = evaluateValue(loop.inputCollection, visibleVariables(ctx, body.parentKey));
    if (!Array.isArray(items))
      throw new ExpressionError(
        `input collection '${loop.inputCollection}' of '${body.elementId}' is not a list`,
      );
    const cap = ctx.bounds.maxMultiInstanceCardinality;
    if (items.length > cap)
      throw new ExpressionError(
        `input collection '${loop.inputCollection}' of '${body.elementId}' has ${items.length} items, more than the multi-instance cap of ${cap}`,
        'multi-instance-cap',
      );
    body.mi = { items, next: 0, completed: 0, terminated: 0 };
    if (loop.outputCollection) setLocal(ctx, body.key, { [loop.outputCollection]: items.map(() => null) });
    if (loop.sequential) startNext(ctx, body);
    else
      while (ctx.state.instances[body.key] && !body.mi.conditionMet && body.mi.next < items.length)
        startNext(ctx, body);
    advanceBody(ctx, body);
  },
  // The iteration's variables are read before it goes, then the body moves on.
  onChildCompleted(ctx, body, inner) {
    collectInnerOutput(ctx, body, inner);
    removeInstance(ctx, inner);
    advanceBody(ctx, body);
  },
  resumeCompletion: (ctx, body) => advanceBody(ctx, body),
};

function startNext(ctx: StepContext, body: ElementInstance): void {
  const loop = loopOf(ctx, body);
  const index = body.mi!.next++;
  if (index >= body.mi!.items.length) return;
  const locals: Record<string, unknown> = { loopCounter: index + 1 };
  if (loop.inputElement) locals[loop.inputElement] = body.mi!.items[index];
  if (loop.outputElement && !loop.outputElement.startsWith('=')) locals[loop.outputElement] = null;
  activateElement(ctx, body.elementId, body.key, { miInner: true, locals });
}

/** Called while the completed inner instance's variables still exist. */
function collectInnerOutput(ctx: StepContext, body: ElementInstance, inner: ElementInstance): void {
  const loop = loopOf(ctx, body);
  const mi = body.mi!;
  mi.completed++;
  guarded(ctx, body, { phase: 'complete' }, () => {
    const inside = visibleVariables(ctx, inner.key);
    if (loop.outputCollection && loop.outputElement) {
      const collection = [...((ctx.state.variables[body.key]?.[loop.outputCollection] as unknown[]) ?? [])];
      collection[Number(inside.loopCounter) - 1] = evaluateValue(loop.outputElement, inside);
      setLocal(ctx, body.key, { [loop.outputCollection]: collection });
    }
    if (loop.completionCondition) {
      const active = childrenOf(ctx, body.key).length - 1;
      const counters = {
        numberOfInstances: mi.items.length,
        numberOfActiveInstances: active,
        numberOfCompletedInstances: mi.completed,
        numberOfTerminatedInstances: mi.terminated,
      };
      if (evaluateCondition(loop.completionCondition, { ...inside, ...counters })) mi.conditionMet = true;
    }
  });
}

/** Start the next iteration, or complete the body once nothing is left to do. */
function advanceBody(ctx: StepContext, body: ElementInstance): void {
  if (!ctx.state.instances[body.key] || body.incident) return;
  const mi = body.mi!;
  if (mi.conditionMet) {
    for (const inner of childrenOf(ctx, body.key)) {
      mi.terminated++;
      terminateElement(ctx, inner);
    }
  } else if (
    loopOf(ctx, body).sequential &&
    mi.next < mi.items.length &&
    childrenOf(ctx, body.key).length === 0
  ) {
    return startNext(ctx, body);
  }
  if (childrenOf(ctx, body.key).length > 0 || (!mi.conditionMet && mi.next < mi.items.length)) return;
  const output = loopOf(ctx, body).outputCollection;
  if (output) propagate(ctx, body.parentKey, { [output]: ctx.state.variables[body.key]?.[output] });
  completeElement(ctx, body);
}
