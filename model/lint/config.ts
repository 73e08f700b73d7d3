/** The lint configuration every deployment is checked against (server and modeler). */
import type { LintConfig } from 'bpmnlint';

export const lintConfig: LintConfig = {
  extends: ['bpmnlint:recommended', 'plugin:engine/recommended'],
  rules: {
    // Inclusive gateways (fork and join) are part of the supported subset.
    'no-inclusive-gateway': 'off',
    // Services may deploy generated BPMN without DI; the UI lays it out with bpmn-auto-layout.
    'no-bpmndi': 'warn',
    // Labels are good modelling style, not an execution need: Camunda's own examples
    // (unnamed start/end events, gateways) must deploy unchanged.
    'label-required': 'warn',
  },
};
