/** One decision table: input values, rule matching, output entries, then the hit policy. */
import type { DecisionTable } from '../decision-graph';
import { isAnyValue } from '../feel-check';
import { feelTest, feelValue, toJson, type FeelContext } from './feel';
import { applyHitPolicy, type RuleHit } from './hit-policy';

export interface MatchedRule {
  ruleId: string;
  ruleIndex: number;
  outputs: Record<string, unknown>;
}

export interface TableEvaluation {
  result: unknown;
  matchedRules: MatchedRule[];
}

export function evaluateTable(table: DecisionTable, context: FeelContext): TableEvaluation {
  const inputValues = table.inputs.map((input, i) =>
    input.expression
      ? feelValue(input.expression, context, `input ${input.label ?? input.id ?? i + 1}`)
      : null,
  );
  const priorityLists = table.outputs.map((output) =>
    output.priorities
      ? (feelValue(`[${output.priorities}]`, context, `output values of ${output.name}`) as unknown[]).map(
          key,
        )
      : undefined,
  );
  const hits: RuleHit[] = [];
  table.rules.forEach((rule, index) => {
    const where = `rule ${index + 1} (${rule.id})`;
    const matches = rule.inputEntries.every(
      (entry, i) => isAnyValue(entry) || feelTest(entry.trim(), inputValues[i], context, where),
    );
    if (!matches) return;
    const values = rule.outputEntries.map((entry) =>
      entry ? toJson(feelValue(entry, context, where)) : null,
    );
    const priority = values.map((value, i) => {
      const list = priorityLists[i];
      if (!list) return 0;
      const at = list.indexOf(key(value));
      return at < 0 ? list.length : at;
    });
    hits.push({ ruleId: rule.id, ruleIndex: index + 1, values, priority });
  });

  const outcome = applyHitPolicy(table, hits);
  const single = table.outputs.length === 1;
  const shape = (values: unknown[]) =>
    single ? values[0] : Object.fromEntries(table.outputs.map((o, i) => [o.name, values[i]]));
  const matched = (list: RuleHit[]) =>
    list.map((h) => ({
      ruleId: h.ruleId,
      ruleIndex: h.ruleIndex,
      outputs: Object.fromEntries(table.outputs.map((o, i) => [o.name, h.values[i]])),
    }));
  if (outcome.kind === 'aggregate') return { result: outcome.value, matchedRules: matched(outcome.hits) };
  if (outcome.kind === 'multiple')
    return { result: outcome.hits.map((h) => shape(h.values)), matchedRules: matched(outcome.hits) };
  if (outcome.hit) return { result: shape(outcome.hit.values), matchedRules: matched([outcome.hit]) };
  return { result: defaults(table, context, shape), matchedRules: [] };
}

/** No rule matched: the outputs' default entries, or null when the table declares none. */
function defaults(
  table: DecisionTable,
  context: FeelContext,
  shape: (values: unknown[]) => unknown,
): unknown {
  if (!table.outputs.some((o) => o.defaultExpression)) return null;
  return shape(
    table.outputs.map((o) =>
      o.defaultExpression ? toJson(feelValue(o.defaultExpression, context, `default of ${o.name}`)) : null,
    ),
  );
}

function key(value: unknown): string {
  return JSON.stringify(toJson(value));
}
