/**
 * Operator actions (modification, migration) run on the core like a step does: on a copy of
 * the state, with the same context the behaviours expect, and the tokens they put on flows
 * drained before the result is returned. They are pure: `(graph, state, …) → { state, commands }`.
 */
import type { ProcessGraph } from '../../model/process-graph';
import { behaviourOf } from '../behaviours';
import type { StepContext, StepEnvironment } from '../context';
import { inFeelSession, seedOf } from '../feel-session';
import { drainAgenda } from '../flow';
import { limitsOf } from '../limits';
import type { EngineState } from '../state';
import type { StepResult } from '../step';

/** Operations are rare and small: a plain JSON copy of the state is cheap enough and shares nothing. */
export function runOperation(
  graph: ProcessGraph,
  state: EngineState,
  env: StepEnvironment,
  operate: (ctx: StepContext) => void,
): StepResult {
  const working = JSON.parse(JSON.stringify(state)) as EngineState;
  const bounds = limitsOf(env.limits);
  const ctx: StepContext = {
    ...env,
    graph,
    state: working,
    commands: [],
    agenda: [],
    bounds,
    behaviours: behaviourOf,
    activations: 0,
  };
  // The same FEEL session and budgets as a step (engine/step.ts).
  const seed = seedOf(working.instanceId, env.now, working.nextKey);
  inFeelSession({ now: env.now, timeZone: env.timeZone, units: bounds.maxFeelUnitsPerStep, seed }, () => {
    operate(ctx);
    if (ctx.state.status === 'ACTIVE') drainAgenda(ctx);
  });
  return { state: ctx.state, commands: ctx.commands };
}

/** Element instances holding a token at an element (the topmost: a multi-instance body, not its iterations). */
export function tokensAt(state: EngineState, elementId: string): string[] {
  return Object.values(state.instances)
    .filter((i) => i.kind !== 'process' && i.elementId === elementId && !i.miInner)
    .map((i) => i.key);
}
