/**
 * One step's working set. `step` copies the state before building a context (every
 * container and the objects the behaviours change in place; see `copyState`), so the
 * behaviours may mutate `ctx.state` that way while the step as a whole stays a pure
 * function. Objects shared with the input state (each scope's variables, timeline
 * entries, subscriptions, tasks) are replaced, never changed.
 */
import type { GraphNode, ProcessGraph } from '../model/process-graph';
import type { BehaviourKind, BehaviourRegistry } from './behaviour';
import type { Command } from './command';
import type { EngineLimits } from './limits';
import type { ElementInstance, EngineState } from './state';

export interface StepEnvironment {
  /** Workflow time in epoch milliseconds. */
  now: number;
  /** IANA zone for cron cycles and zone-less dates. */
  timeZone: string;
  /** Bounds on one step's work (engine/limits.ts); the defaults where absent. */
  limits?: Partial<EngineLimits>;
}

export interface StepContext extends StepEnvironment {
  graph: ProcessGraph;
  state: EngineState;
  commands: Command[];
  /** Tokens on sequence flows not yet entered; drained breadth-first so a fork creates all its tokens before any reaches a join. */
  agenda: { flowId: string; scopeKey: string }[];
  bounds: EngineLimits;
  /** Element type → behaviour, handed in by the step so the lifecycle imports no behaviour. */
  behaviours: BehaviourRegistry;
  /** Element activations so far in this step, against `bounds.maxActivationsPerStep`. */
  activations: number;
  /** `now` as ISO text, made once per step: every timeline entry carries it. */
  nowText?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function nextKey(ctx: StepContext): string {
  return String(ctx.state.nextKey++);
}

/** The behaviour of an element instance: its node's kind, or the multi-instance body. */
export function behaviourFor(ctx: StepContext, inst: ElementInstance): ReturnType<BehaviourRegistry> {
  const kind: BehaviourKind =
    inst.kind === 'mi-body'
      ? 'multiInstanceBody'
      : inst.kind === 'process'
        ? 'process'
        : nodeOf(ctx, inst.elementId).kind;
  return ctx.behaviours(kind);
}

export function nodeOf(ctx: StepContext, elementId: string): GraphNode {
  const node = ctx.graph.nodes[elementId];
  if (!node) throw new Error(`Unknown element ${elementId}`);
  return node;
}

export function nowIso(ctx: StepContext): string {
  return (ctx.nowText ??= new Date(ctx.now).toISOString());
}

export function instanceOf(ctx: StepContext, key: string | null | undefined): ElementInstance | undefined {
  return key == null ? undefined : ctx.state.instances[key];
}

export function childrenOf(ctx: StepContext, key: string): ElementInstance[] {
  return Object.values(ctx.state.instances).filter((i) => i.parentKey === key);
}

/** Nodes directly inside a scope (the process id or a subprocess id). */
export function nodesIn(ctx: StepContext, scopeElementId: string): GraphNode[] {
  return Object.values(ctx.graph.nodes).filter((n) => n.parent === scopeElementId);
}
