/**
 * Shared shape of the engine's own bpmnlint rules ("unsupported by this engine").
 *
 * Every engine rule judges only elements of executable processes: non-executable pools
 * of a collaboration are documentation, and Zeebe ignores them as well.
 */
import type { Reporter, RuleFactory } from 'bpmnlint';
import { isInExecutableProcess, type BpmnElement } from '../moddle';

/** bpmnlint package name of the engine rules: they are configured as `engine/<rule>`. */
export const ENGINE_PLUGIN = 'bpmnlint-plugin-engine';

export type Report = (elementId: string | undefined, message: string) => void;

export function engineRule(name: string, check: (element: BpmnElement, report: Report) => void): RuleFactory {
  return () => ({
    meta: { documentation: { url: `model/lint/rules/${name}.md` } },
    check(node: BpmnElement, reporter: Reporter) {
      if (!node.$instanceOf || !isInExecutableProcess(node)) return;
      check(node, (id, message) => reporter.report(id, message));
    },
  });
}
