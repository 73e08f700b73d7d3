/**
 * How the matched rules of a decision table become its result (DMN 1.3, 8.2.11): single-hit
 * policies pick one rule, multi-hit policies a list, COLLECT may aggregate.
 */
import type { DecisionTable } from '../decision-graph';
import { DecisionEvaluationError } from './evaluation-error';

/** A matched rule with its evaluated output values, in output column order. */
export interface RuleHit {
  ruleId: string;
  /** 1-based position in the table. */
  ruleIndex: number;
  values: unknown[];
  /** Per output: position in its output values list (lower wins); outputs without a list rank 0. */
  priority: number[];
}

export type HitResult =
  | { kind: 'single'; hit?: RuleHit }
  | { kind: 'multiple'; hits: RuleHit[] }
  | { kind: 'aggregate'; value: unknown; hits: RuleHit[] };

export function applyHitPolicy(table: DecisionTable, hits: RuleHit[]): HitResult {
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (hits.length > 1)
        throw new DecisionEvaluationError(
          `hit policy UNIQUE violated: rules ${hits.map((h) => h.ruleId).join(', ')} all match`,
        );
      return { kind: 'single', hit: hits[0] };
    case 'FIRST':
      return { kind: 'single', hit: hits[0] };
    case 'ANY': {
      const distinct = new Set(hits.map((h) => JSON.stringify(h.values)));
      if (distinct.size > 1)
        throw new DecisionEvaluationError(
          `hit policy ANY violated: rules ${hits.map((h) => h.ruleId).join(', ')} match with different outputs`,
        );
      return { kind: 'single', hit: hits[0] };
    }
    case 'PRIORITY':
      return { kind: 'single', hit: byPriority(hits)[0] };
    case 'OUTPUT ORDER':
      return { kind: 'multiple', hits: byPriority(hits) };
    case 'RULE ORDER':
      return { kind: 'multiple', hits };
    case 'COLLECT':
      return table.aggregation
        ? {
            kind: 'aggregate',
            value: aggregate(
              table.aggregation,
              hits.map((h) => h.values[0]),
            ),
            hits,
          }
        : { kind: 'multiple', hits };
  }
}

/** Stable: among rules of equal priority the earlier rule comes first. */
function byPriority(hits: RuleHit[]): RuleHit[] {
  return [...hits].sort((a, b) => {
    for (let i = 0; i < a.priority.length; i++)
      if (a.priority[i] !== b.priority[i]) return a.priority[i] - b.priority[i];
    return a.ruleIndex - b.ruleIndex;
  });
}

function aggregate(aggregation: NonNullable<DecisionTable['aggregation']>, values: unknown[]): unknown {
  if (aggregation === 'COUNT') return values.length;
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return null;
  if (aggregation === 'SUM') {
    if (!present.every((v) => typeof v === 'number'))
      throw new DecisionEvaluationError(`COLLECT SUM needs numbers, got ${JSON.stringify(present)}`);
    return (present as number[]).reduce((sum, v) => sum + v, 0);
  }
  const comparable =
    present.every((v) => typeof v === 'number') || present.every((v) => typeof v === 'string');
  if (!comparable)
    throw new DecisionEvaluationError(
      `COLLECT ${aggregation} needs numbers or strings, got ${JSON.stringify(present)}`,
    );
  const sorted = [...(present as (number | string)[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return aggregation === 'MIN' ? sorted[0] : sorted[sorted.length - 1];
}
