/**
 * Compiles parsed definitions into one ProcessGraph per executable process (a file may
 * hold several, as Zeebe allows). Never throws: an unexpected failure becomes a problem
 * on the process, so a strange diagram is rejected rather than crashing the deploy.
 */
import { is, type BpmnElement } from '../moddle';
import type { ProcessGraph } from '../process-graph';
import { problem, type ModelProblem } from '../problem';
import { compileProcess } from './compile-process';

export interface CompileResult {
  graphs: ProcessGraph[];
  errors: ModelProblem[];
}

export function compileDefinitions(definitions: BpmnElement): CompileResult {
  const result: CompileResult = { graphs: [], errors: [] };
  const processes = (definitions.rootElements ?? []).filter(
    (root) => is(root, 'bpmn:Process') && root.isExecutable,
  );
  for (const process of processes) {
    const errors: ModelProblem[] = [];
    const context = {
      processId: process.id ?? '',
      report: (id: string | undefined, message: string) => errors.push(problem(id, 'compile', message)),
    };
    try {
      const graph = compileProcess(process, context);
      if (errors.length === 0) result.graphs.push(graph);
    } catch (error) {
      errors.push(
        problem(
          process.id,
          'compile',
          `Could not compile the process: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
    result.errors.push(...errors);
  }
  return result;
}
