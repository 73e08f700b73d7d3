/**
 * dmn-moddle definitions → DecisionGraph, with every problem Zeebe would refuse at deploy
 * reported by element id: unsupported decision logic or hit policy, rule cells that do not
 * match the columns, FEEL syntax, missing required decisions and cycles in the DRG.
 */
import { problem, type ModelProblem } from '../problem';
import type { DmnElement } from './dmn-element';
import { feelError, isAnyValue } from './feel-check';
import {
  DECISION_GRAPH_FORMAT,
  type Aggregation,
  type Decision,
  type DecisionGraph,
  type DecisionTable,
  type HitPolicy,
} from './decision-graph';
import { requirementCycle } from './requirements';

const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
];
const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

export interface DmnCompileResult {
  graph?: DecisionGraph;
  errors: ModelProblem[];
}

export function compileDmn(definitions: DmnElement): DmnCompileResult {
  const errors: ModelProblem[] = [];
  const report = (id: string | undefined, rule: string, message: string) =>
    errors.push(problem(id, rule, message));
  const decisions: Record<string, Decision> = {};
  const elements = (definitions.drgElement ?? []).filter((element) => element.$type === 'dmn:Decision');
  for (const element of elements) {
    const decision = compileDecision(element, report);
    if (decision) decisions[decision.id] = decision;
  }
  if (elements.length === 0) report(definitions.id, 'dmn-decision', 'The file has no decision.');
  for (const decision of Object.values(decisions)) {
    for (const required of decision.requires) {
      if (!decisions[required])
        report(decision.id, 'dmn-required-decision', `Required decision "${required}" is not in this file.`);
    }
  }
  const cycle = requirementCycle(decisions);
  if (cycle)
    report(cycle[0], 'dmn-required-decision', `Required decisions form a cycle: ${cycle.join(' → ')}.`);
  if (errors.length) return { errors };
  return {
    errors,
    graph: {
      format: DECISION_GRAPH_FORMAT,
      definitionsId: definitions.id ?? '',
      ...(definitions.name ? { name: definitions.name } : {}),
      decisions,
    },
  };
}

type Report = (id: string | undefined, rule: string, message: string) => void;

function compileDecision(element: DmnElement, report: Report): Decision | undefined {
  const id = element.id ?? '';
  if (!id) return void report(undefined, 'dmn-decision', 'A decision has no id.');
  const requires = (element.informationRequirement ?? [])
    .map((r) => r.requiredDecision?.href?.replace(/^.*#/, ''))
    .filter((href): href is string => !!href);
  const versionTag = (element.extensionElements?.values ?? [])
    .find((v) => v.$type === 'zeebe:VersionTag')
    ?.value?.trim();
  const base = {
    id,
    ...(element.name ? { name: element.name } : {}),
    ...(versionTag ? { versionTag } : {}),
    requires,
  };
  const logic = element.decisionLogic;
  if (logic?.$type === 'dmn:LiteralExpression') {
    const expression = logic.text?.trim() ?? '';
    if (!expression) return void report(id, 'dmn-literal-expression', 'The literal expression is empty.');
    const error = feelError(expression, 'expression');
    if (error) return void report(logic.id ?? id, 'dmn-feel-syntax', error);
    return { ...base, logic: { kind: 'literalExpression', id: logic.id ?? id, expression } };
  }
  if (logic?.$type === 'dmn:DecisionTable') {
    const table = compileTable(id, logic, report);
    return table && { ...base, logic: table };
  }
  report(id, 'dmn-decision', 'A decision must hold a decision table or a literal expression.');
  return undefined;
}

function compileTable(decisionId: string, table: DmnElement, report: Report): DecisionTable | undefined {
  const tableId = table.id ?? decisionId;
  let ok = true;
  const fail = (id: string | undefined, rule: string, message: string) => {
    ok = false;
    report(id ?? tableId, rule, message);
  };
  const hitPolicy = (table.hitPolicy ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy))
    fail(tableId, 'dmn-hit-policy', `Hit policy "${hitPolicy}" is not supported.`);
  const aggregation = table.aggregation as Aggregation | undefined;
  if (aggregation && !AGGREGATIONS.includes(aggregation))
    fail(tableId, 'dmn-hit-policy', `Aggregation "${aggregation}" is not supported (SUM, MIN, MAX, COUNT).`);
  if (aggregation && hitPolicy !== 'COLLECT')
    fail(tableId, 'dmn-hit-policy', 'Only the COLLECT hit policy aggregates.');

  const inputs = (table.input ?? []).map((input) => {
    const expression = input.inputExpression?.text?.trim() ?? '';
    const error = expression && feelError(expression, 'expression');
    if (error) fail(input.id, 'dmn-feel-syntax', error);
    return { id: input.id ?? '', ...(input.label ? { label: input.label } : {}), expression };
  });
  const outputs = (table.output ?? []).map((output, index) => {
    const priorities = output.outputValues?.text?.trim();
    if (priorities) {
      const error = feelError(priorities, 'unaryTests');
      if (error) fail(output.id, 'dmn-feel-syntax', error);
    }
    const defaultExpression = output.defaultOutputEntry?.text?.trim();
    if (defaultExpression) {
      const error = feelError(defaultExpression, 'expression');
      if (error) fail(output.id, 'dmn-feel-syntax', error);
    }
    return {
      id: output.id ?? '',
      name: output.name?.trim() || `output${index + 1}`,
      ...(output.label ? { label: output.label } : {}),
      ...(priorities ? { priorities } : {}),
      ...(defaultExpression ? { defaultExpression } : {}),
    };
  });
  if (outputs.length === 0) fail(tableId, 'dmn-output', 'The decision table has no output.');
  if (outputs.length > 1) {
    (table.output ?? []).forEach((output) => {
      if (!output.name?.trim())
        fail(output.id, 'dmn-output', 'With several outputs every output needs a name.');
    });
    if (aggregation) fail(tableId, 'dmn-hit-policy', 'A table with several outputs cannot aggregate.');
  }
  if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && !outputs.some((o) => o.priorities))
    fail(
      tableId,
      'dmn-hit-policy',
      `Hit policy ${hitPolicy} needs output values (in priority order) on an output.`,
    );

  const rules = (table.rule ?? []).map((rule, index) => {
    const ruleId = rule.id ?? `${tableId}-rule-${index + 1}`;
    const inputEntries = (rule.inputEntry ?? []).map((e) => e.text ?? '');
    const outputEntries = (rule.outputEntry ?? []).map((e) => e.text?.trim() ?? '');
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) {
      fail(
        ruleId,
        'dmn-rule',
        `Rule ${index + 1} has ${inputEntries.length} input and ${outputEntries.length} output cells; the table has ${inputs.length} inputs and ${outputs.length} outputs.`,
      );
    }
    for (const entry of inputEntries) {
      const error = isAnyValue(entry) ? undefined : feelError(entry.trim(), 'unaryTests');
      if (error) fail(ruleId, 'dmn-feel-syntax', `input entry of rule ${index + 1}: ${error}`);
    }
    for (const entry of outputEntries) {
      const error = entry ? feelError(entry, 'expression') : undefined;
      if (error) fail(ruleId, 'dmn-feel-syntax', `output entry of rule ${index + 1}: ${error}`);
    }
    return { id: ruleId, inputEntries, outputEntries };
  });
  if (!ok) return undefined;
  return {
    kind: 'decisionTable',
    id: tableId,
    hitPolicy,
    ...(aggregation ? { aggregation } : {}),
    inputs,
    outputs,
    rules,
  };
}
