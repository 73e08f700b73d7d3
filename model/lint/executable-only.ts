/**
 * Restricts a rule to executable processes. Non-executable pools of a collaboration (a
 * customer pool, an empty black-box pool) are documentation that Zeebe ignores, and
 * Camunda Modeler exports them routinely; bpmnlint's structural rules (start/end event
 * required, ...) must not reject a deployment because of them.
 *
 * bpmnlint's traversal skips a subtree when `enter` returns false: we return false on a
 * non-executable process, so no rule ever sees its contents.
 */
import type { CheckFn, RuleDefinition } from 'bpmnlint';
import { is, processOf, type BpmnElement } from '../moddle';

function isNonExecutable(node: BpmnElement): boolean {
  // bpmnlint also visits plain objects without $instanceOf (e.g. generic extension content).
  const process = typeof node.$instanceOf === 'function' ? processOf(node) : undefined;
  return !!process && process.isExecutable !== true;
}

export function executableOnly(rule: RuleDefinition): RuleDefinition {
  const check = rule.check;
  const enter: CheckFn | undefined = typeof check === 'function' ? check : check.enter;
  const leave: CheckFn | undefined = typeof check === 'function' ? undefined : check.leave;
  return {
    ...rule,
    check: {
      enter(node: BpmnElement, reporter) {
        if (is(node, 'bpmn:Process') && node.isExecutable !== true) return false;
        return enter?.(node, reporter);
      },
      leave(node: BpmnElement, reporter) {
        if (!isNonExecutable(node)) leave?.(node, reporter);
      },
    },
  };
}
