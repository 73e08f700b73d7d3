// Shared test helpers: fixtures live in test/fixtures as <Subject>.<scenario>.bpmn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBpmn } from '../../../model/deploy-model';
import { lintDefinitions } from '../../../model/lint/lint';
import { parseBpmn } from '../../../model/parse';
import type { ProcessGraph } from '../../../model/process-graph';
import type { ModelProblem } from '../../../model/problem';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../../fixtures', `${name}.bpmn`), 'utf8');
}

/** Analyses a fixture that must deploy cleanly and returns its only graph. */
export async function compileFixture(name: string): Promise<ProcessGraph> {
  const { errors, graphs } = await analyseBpmn(fixture(name));
  expect(errors).toEqual([]);
  expect(graphs).toHaveLength(1);
  return graphs[0];
}

/** The problems one engine rule alone reports for a fixture. */
export async function lintWithRule(rule: string, name: string): Promise<ModelProblem[]> {
  const { definitions, errors } = await parseBpmn(fixture(name));
  expect(errors).toEqual([]);
  const result = await lintDefinitions(definitions!, { rules: { [`engine/${rule}`]: 'error' } });
  return result.errors;
}

export const idsOf = (problems: ModelProblem[]) => problems.map((p) => p.elementId).sort();
