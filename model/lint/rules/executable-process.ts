/**
 * A deployment must contain something to run: at least one executable process.
 * Several are fine (as in Zeebe); each compiles to its own graph.
 */
import type { Reporter, RuleFactory } from 'bpmnlint';
import { is, type BpmnElement } from '../../moddle';

const executableProcess: RuleFactory = () => ({
  meta: { documentation: { url: 'model/lint/rules/executable-process.md' } },
  check(node: BpmnElement, reporter: Reporter) {
    if (!is(node, 'bpmn:Definitions')) return;
    const processes = (node.rootElements ?? []).filter((root) => is(root, 'bpmn:Process'));
    if (processes.some((process) => process.isExecutable === true)) return;
    const target = processes[0]?.id ?? node.id;
    reporter.report(
      target,
      'No executable process: mark the process as executable (isExecutable="true") to deploy it.',
    );
  },
});

export default executableProcess;
