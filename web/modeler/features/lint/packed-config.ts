/**
 * The server's lint configuration, packed for bpmn-js-bpmnlint: the same config, the same
 * static resolver (bpmnlint's rules and the engine's own), and the same restriction to
 * executable processes. What the modeler flags is what a deploy would reject.
 */
import { lintConfig } from '../../../../model/lint/config';
import { executableOnly } from '../../../../model/lint/executable-only';
import { staticResolver } from '../../../../model/lint/resolver';

export const packedLintConfig = {
  config: lintConfig,
  resolver: staticResolver,
  // bpmn-js-bpmnlint passes the whole object to `new Linter(...)`, so bpmnlint applies this too.
  transformRule: executableOnly,
};
