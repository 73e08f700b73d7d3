/**
 * Lints parsed definitions and sorts the findings into errors and warnings.
 */
import { Linter, type LintConfig } from 'bpmnlint';
import type { BpmnElement } from '../moddle';
import { problem, type ModelProblem } from '../problem';
import { lintConfig } from './config';
import { executableOnly } from './executable-only';
import { staticResolver } from './resolver';

export interface LintResult {
  errors: ModelProblem[];
  warnings: ModelProblem[];
}

export async function lintDefinitions(
  definitions: BpmnElement,
  config: LintConfig = lintConfig,
): Promise<LintResult> {
  // A Linter caches rule instances, and some rules keep state between runs (false
  // duplicate-flow reports were seen): one fresh Linter per lint.
  const linter = new Linter({ config, resolver: staticResolver, transformRule: executableOnly });
  const results = await linter.lint(definitions);
  const result: LintResult = { errors: [], warnings: [] };
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      const found = problem(report.id, rule, report.message);
      // A crashed rule ('rule-error') proves nothing about the diagram: treat it as an error.
      if (report.category === 'warn' || report.category === 'info') result.warnings.push(found);
      else result.errors.push(found);
    }
  }
  return result;
}
