/**
 * Operator actions (modification, migration) run on the core like a step does: on a copy of
 * the state, with the same context the behaviours expect, and the tokens they put on flows
 * drained before the result is returned. They are pure: `(graph, state, …) → { state, commands }`.
 */
import type { ProcessGraph } from '../../model/process-graph';
import type { StepContext, StepEnvironment } from '../context';
import { drainAgenda } from '../flow';
import type { EngineState } from '../state';
import { inStepContext, type StepResult } from '../step';

/** Operations are rare and small: a plain JSON copy of the state is cheap enough and shares nothing. */
export function runOperation(
  graph: ProcessGraph,
  state: EngineState,
  env: StepEnvironment,
  operate: (ctx: StepContext) => void,
): StepResult {
  const working = JSON.parse(JSON.stringify(state)) as EngineState;
  return inStepContext(graph, working, env, (ctx) => {
    operate(ctx);
    if (ctx.state.status === 'ACTIVE') drainAgenda(ctx);
  });
}

/** Element instances holding a token at an element (the topmost: a multi-instance body, not its iterations). */
export function tokensAt(state: EngineState, elementId: string): string[] {
  return Object.values(state.instances)
    .filter((i) => i.kind !== 'process' && i.elementId === elementId && !i.miInner)
    .map((i) => i.key);
}
