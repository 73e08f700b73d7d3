/**
 * Process instance modification: activate, terminate and move tokens, set variables. Every
 * instruction is checked against the graph and the state before anything changes
 * (`refuseModification`); `modifyInstance` then applies them in Zeebe's order — variables,
 * activations, terminations — through the behaviours' own activate and terminate, so tasks,
 * jobs, timers and subscriptions open and close as if a token had arrived or left.
 */
import type { GraphNode, ProcessGraph } from '../../model/process-graph';
import type { StepContext, StepEnvironment } from '../context';
import { subscribeEventSubprocesses } from '../event-subprocess';
import {
  activateElement,
  checkScopeCompletion,
  createInstance,
  scopeIsIdle,
  terminateElement,
} from '../lifecycle';
import { cancelProcess } from '../start';
import { ROOT_KEY, type ElementInstance, type EngineState, type Variables } from '../state';
import type { StepResult } from '../step';
import { armBoundaryEvents } from '../subscriptions';
import { record, recordProcess } from '../timeline';
import { applyInputs, setLocal } from '../variables';
import type { ModificationInstructions, OperationRefusal } from './modification';
import { runOperation, tokensAt } from './operation-context';

const refuse = (code: string, message: string, elementId?: string): OperationRefusal => ({
  code,
  message,
  ...(elementId !== undefined ? { elementId } : {}),
});

function isPlainObject(value: unknown): value is Variables {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why no token may be put on this element, or undefined when it may. */
function refuseTarget(
  graph: ProcessGraph,
  state: EngineState,
  elementId: unknown,
): OperationRefusal | undefined {
  if (typeof elementId !== 'string' || !elementId)
    return refuse('MODIFICATION.INVALID', 'every instruction needs an element id');
  const node = graph.nodes[elementId];
  if (!node)
    return refuse(
      'MODIFICATION.UNKNOWN_ELEMENT',
      `${elementId} is not an element of ${graph.processId}`,
      elementId,
    );
  if (node.kind === 'startEvent')
    return refuse('MODIFICATION.START_EVENT', `no token can be put on start event ${elementId}`, elementId);
  if (node.kind === 'boundaryEvent')
    return refuse(
      'MODIFICATION.BOUNDARY_EVENT',
      `no token can be put on boundary event ${elementId}`,
      elementId,
    );
  const afterEventGateway = node.incoming.some(
    (f) => graph.nodes[graph.flows[f]?.source]?.kind === 'eventBasedGateway',
  );
  if (afterEventGateway)
    return refuse(
      'MODIFICATION.AFTER_EVENT_GATEWAY',
      `no token can be put on ${elementId}: it follows an event-based gateway`,
      elementId,
    );
  return refuseScopeChain(graph, state, node);
}

/** The scopes around an element must either hold exactly one instance, or be creatable (plain subprocesses). */
function refuseScopeChain(
  graph: ProcessGraph,
  state: EngineState,
  node: GraphNode,
): OperationRefusal | undefined {
  for (let scopeId = node.parent; scopeId !== graph.processId;) {
    const scope = graph.nodes[scopeId];
    if (!scope) break;
    const active = tokensAt(state, scopeId);
    if (active.length > 1)
      return refuse(
        'MODIFICATION.AMBIGUOUS_SCOPE',
        `${node.id} lies in ${scopeId}, which is active ${active.length} times: the new token's scope is ambiguous`,
        node.id,
      );
    if (active.length === 1) return undefined;
    if (scope.multiInstance)
      return refuse(
        'MODIFICATION.INACTIVE_SCOPE',
        `${node.id} lies in multi-instance ${scopeId}, which is not active`,
        node.id,
      );
    scopeId = scope.parent;
  }
  return undefined;
}

function refuseSource(
  state: EngineState,
  elementId: unknown,
  graph: ProcessGraph,
): OperationRefusal | undefined {
  if (typeof elementId !== 'string' || !elementId)
    return refuse('MODIFICATION.INVALID', 'every instruction needs an element id');
  if (!graph.nodes[elementId])
    return refuse(
      'MODIFICATION.UNKNOWN_ELEMENT',
      `${elementId} is not an element of ${graph.processId}`,
      elementId,
    );
  if (tokensAt(state, elementId).length === 0)
    return refuse('MODIFICATION.NO_TOKEN', `no token is active at ${elementId}`, elementId);
  return undefined;
}

/** Every instruction checked; the first problem found is the answer (nothing is changed then). */
export function refuseModification(
  graph: ProcessGraph,
  state: EngineState,
  m: ModificationInstructions,
): OperationRefusal | undefined {
  if (state.status !== 'ACTIVE')
    return refuse('MODIFICATION.NOT_ACTIVE', `the instance is ${state.status.toLowerCase()}`);
  const lists = [m.activate, m.terminate, m.move, m.variables];
  if (lists.some((l) => l !== undefined && !Array.isArray(l)))
    return refuse('MODIFICATION.INVALID', 'activate, terminate, move and variables are lists');
  if (lists.every((l) => !l?.length))
    return refuse('MODIFICATION.EMPTY', 'the modification has no instruction');
  for (const a of m.activate ?? []) {
    const problem = refuseTarget(graph, state, a?.elementId);
    if (problem) return problem;
    if (a.variables !== undefined && !isPlainObject(a.variables))
      return refuse('MODIFICATION.INVALID', `variables for ${a.elementId} must be an object`, a.elementId);
  }
  for (const t of m.terminate ?? []) {
    const problem = refuseSource(state, t?.elementId, graph);
    if (problem) return problem;
  }
  for (const mv of m.move ?? []) {
    const problem =
      refuseSource(state, mv?.fromElementId, graph) ?? refuseTarget(graph, state, mv?.toElementId);
    if (problem) return problem;
  }
  for (const v of m.variables ?? []) {
    if (!isPlainObject(v?.variables))
      return refuse(
        'MODIFICATION.INVALID',
        'variables instructions need a variables object',
        v?.scopeElementId,
      );
    if (v.scopeElementId === undefined || v.scopeElementId === graph.processId) continue;
    const problem = refuseSource(state, v.scopeElementId, graph);
    if (problem) return problem;
    const count = tokensAt(state, v.scopeElementId).length;
    if (count > 1)
      return refuse(
        'MODIFICATION.AMBIGUOUS_SCOPE',
        `${v.scopeElementId} is active ${count} times: the variables' scope is ambiguous`,
        v.scopeElementId,
      );
  }
  return undefined;
}

/** Apply a modification `refuseModification` accepted. */
export function modifyInstance(
  graph: ProcessGraph,
  state: EngineState,
  m: ModificationInstructions,
  env: StepEnvironment,
  detail: Record<string, unknown> = {},
): StepResult {
  return runOperation(graph, state, env, (ctx) => {
    recordProcess(ctx, 'modified', detail);
    // Tokens to end are the ones there before this modification: moving A to A ends the old token only.
    const ending = [
      ...(m.terminate ?? []).map((t) => t.elementId),
      ...(m.move ?? []).map((mv) => mv.fromElementId),
    ].flatMap((id) => tokensAt(ctx.state, id));
    for (const v of m.variables ?? []) setLocal(ctx, scopeKeyOf(ctx, v.scopeElementId), v.variables);
    const targets = [
      ...(m.activate ?? []),
      ...(m.move ?? []).map((mv) => ({ elementId: mv.toElementId, variables: undefined })),
    ];
    // Scopes a new token entered: if that token has run to an end when the terminations leave
    // them idle, they complete (as in Zeebe, where the activation is pending while the terminations run).
    const entered = new Set<string>();
    for (const a of targets) {
      const scopeKey = ensureScope(ctx, ctx.graph.nodes[a.elementId].parent);
      for (let key: string | null = scopeKey; key != null; key = ctx.state.instances[key]?.parentKey ?? null)
        entered.add(key);
      activateElement(ctx, a.elementId, scopeKey, a.variables ? { locals: a.variables } : {});
    }
    const parents = new Set<string>();
    for (const key of ending) {
      const inst = ctx.state.instances[key];
      if (!inst) continue; // ended with an enclosing scope already
      if (inst.parentKey) parents.add(inst.parentKey);
      terminateElement(ctx, inst);
    }
    for (const key of parents) endIdleScopes(ctx, key, entered);
  });
}

function scopeKeyOf(ctx: StepContext, elementId: string | undefined): string {
  if (elementId === undefined || elementId === ctx.graph.processId) return ROOT_KEY;
  return tokensAt(ctx.state, elementId)[0];
}

/** The instance of a scope element to put a token in, creating it (and its own scopes) when none is active. */
function ensureScope(ctx: StepContext, scopeId: string): string {
  if (scopeId === ctx.graph.processId) return ROOT_KEY;
  const active = tokensAt(ctx.state, scopeId)[0];
  if (active) return active;
  const parentKey = ensureScope(ctx, ctx.graph.nodes[scopeId].parent);
  const node = ctx.graph.nodes[scopeId];
  const scope = createInstance(ctx, scopeId, parentKey);
  record(ctx, scopeId, 'started');
  applyInputs(ctx, scope.key, node.inputs);
  armBoundaryEvents(ctx, scope.key, node.boundaryEvents);
  subscribeEventSubprocesses(ctx, scope);
  return scope.key;
}

/**
 * A scope left without tokens by terminations ends too, up to the process (which then ends
 * terminated), unless a token of this modification entered it and ran to an end: then it completes.
 */
function endIdleScopes(ctx: StepContext, scopeKey: string, entered: Set<string>): void {
  for (let key: string | null = scopeKey; key != null;) {
    const scope: ElementInstance | undefined = ctx.state.instances[key];
    if (!scope || scope.kind === 'mi-body' || scope.miInner || !scopeIsIdle(ctx, key)) return;
    if (entered.has(key)) {
      checkScopeCompletion(ctx, key);
      return;
    }
    if (scope.kind === 'process') {
      cancelProcess(ctx);
      return;
    }
    const parent: string | null = scope.parentKey;
    terminateElement(ctx, scope);
    key = parent;
  }
}
