/**
 * BPMN variable scopes as Zeebe has them: every element instance is a scope; reads see the
 * chain up to the process; merged variables propagate upward to the nearest scope that
 * already defines the name, else to the process; input mappings create local variables.
 */
import type { Mapping } from '../model/process-graph';
import type { StepContext } from './context';
import { evaluateValue } from './feel';
import { ROOT_KEY, type Variables } from './state';

function scopeChain(ctx: StepContext, key: string | null): string[] {
  const chain: string[] = [];
  for (let k = key; k != null; k = ctx.state.instances[k]?.parentKey ?? null) chain.push(k);
  return chain;
}

/** All variables visible from an element instance, inner scopes shadowing outer ones. */
export function visibleVariables(ctx: StepContext, key: string | null): Variables {
  const merged: Variables = {};
  for (const k of scopeChain(ctx, key).reverse()) Object.assign(merged, ctx.state.variables[k]);
  return merged;
}

export function setLocal(ctx: StepContext, key: string, variables: Variables): void {
  ctx.state.variables[key] = { ...ctx.state.variables[key], ...variables };
}

/** Merge variables upward from `fromKey`, as on job completion or message correlation. */
export function propagate(ctx: StepContext, fromKey: string | null, variables: Variables | undefined): void {
  const chain = scopeChain(ctx, fromKey);
  for (const [name, value] of Object.entries(variables ?? {})) {
    const owner = chain.find((k) => ctx.state.variables[k] && name in ctx.state.variables[k]) ?? ROOT_KEY;
    setLocal(ctx, owner, { [name]: value });
  }
}

/** Input mappings: evaluated against the enclosing scope, written as locals of the new instance. */
export function applyInputs(ctx: StepContext, key: string, mappings: Mapping[] | undefined): void {
  for (const mapping of mappings ?? []) {
    const value = evaluateValue(mapping.source, visibleVariables(ctx, key));
    const [root, ...path] = mapping.target.split('.');
    const current = ctx.state.variables[key]?.[root];
    setLocal(ctx, key, { [root]: path.length ? withPath(current, path, value) : value });
  }
}

/** Output mappings: evaluated inside the completing instance, propagated from its parent. */
export function applyOutputs(
  ctx: StepContext,
  key: string,
  parentKey: string | null,
  mappings: Mapping[],
): void {
  const inside = visibleVariables(ctx, key);
  const results: Variables = {};
  for (const mapping of mappings) {
    const value = evaluateValue(mapping.source, inside);
    const [root, ...path] = mapping.target.split('.');
    const current = root in results ? results[root] : visibleVariables(ctx, parentKey)[root];
    results[root] = path.length ? withPath(current, path, value) : value;
  }
  propagate(ctx, parentKey, results);
}

function withPath(base: unknown, path: string[], value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> =
    base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object) } : {};
  const [head, ...rest] = path;
  copy[head] = rest.length ? withPath(copy[head], rest, value) : value;
  return copy;
}
