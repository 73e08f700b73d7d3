/** The decision requirements graph: evaluation order and cycles. */
import type { Decision } from './decision-graph';

/** One cycle of required decisions (`a → b → a`), or undefined when the graph has none. */
export function requirementCycle(decisions: Record<string, Decision>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done' || !decisions[id]) return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const required of decisions[id].requires) {
      const cycle = visit(required);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of Object.keys(decisions)) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The decision and everything it requires, required ones first (the graph is acyclic after deploy). */
export function evaluationOrder(decisions: Record<string, Decision>, decisionId: string): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const required of decisions[id]?.requires ?? []) visit(required);
    order.push(id);
  };
  visit(decisionId);
  return order;
}
