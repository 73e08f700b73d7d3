/**
 * Live lint: bpmn-js-bpmnlint's overlays and button, driven by the server's rules.
 * Use with `linting: lintingConfig()` in the modeler's options.
 */
import BpmnLintModule from 'bpmn-js-bpmnlint';
import { packedLintConfig } from './packed-config';

export function lintingConfig(active = true) {
  return { bpmnlint: packedLintConfig, active };
}

export default BpmnLintModule;
