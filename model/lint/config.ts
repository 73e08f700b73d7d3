/**
 * The lint configuration every deployment is checked against (server and modeler): Zeebe's
 * validation, no more and no less. bpmnlint's modelling-style rules that Zeebe does not
 * enforce are warnings; what Zeebe rejects at deploy is an error (bpmnlint's structural
 * rules plus the engine's own). docs/zeebe-validation.md maps each Zeebe check to its rule,
 * and test/unit/model/zeebe-validation.test.ts keeps the two in step.
 */
import type { LintConfig } from 'bpmnlint';

/** bpmnlint rules that judge modelling style: Zeebe deploys such a model and runs it. */
export const STYLE_WARNINGS = [
  // An activity without an outgoing flow ends its path (implicit end), as in Zeebe.
  'no-implicit-end',
  // Zeebe starts only at start events; an element without incoming flows is dead, not wrong.
  'no-implicit-start',
  // Several unconditional outgoing flows of an activity fork in parallel, as in Zeebe.
  'no-implicit-split',
  'end-event-required',
  'no-disconnected',
  'no-duplicate-sequence-flows',
  'no-gateway-join-fork',
  // Labels are good style, not an execution need: Camunda's own examples (unnamed start/end
  // events, gateways) must deploy unchanged.
  'label-required',
  // Services may deploy generated BPMN without DI; the UI lays it out with bpmn-auto-layout.
  'no-bpmndi',
] as const;

export const lintConfig: LintConfig = {
  extends: ['bpmnlint:recommended', 'plugin:engine/recommended'],
  rules: {
    // Inclusive gateways (fork and join) are part of the supported subset.
    'no-inclusive-gateway': 'off',
    ...Object.fromEntries(STYLE_WARNINGS.map((rule) => [rule, 'warn'])),
  },
};
