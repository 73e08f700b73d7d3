/**
 * The single entry point of the model layer for the API and the browser modeler:
 * BPMN XML → parse → lint → compile. Non-empty `errors` means: reject the deployment.
 */
import { compileDefinitions } from './compile';
import { lintDefinitions } from './lint/lint';
import { parseBpmn } from './parse';
import type { ProcessGraph } from './process-graph';
import type { ModelProblem } from './problem';

export type { ModelProblem } from './problem';
export type { ProcessGraph } from './process-graph';
export { MAX_BPMN_BYTES } from './parse';

export interface ModelAnalysis {
  errors: ModelProblem[];
  warnings: ModelProblem[];
  /** One graph per executable process; empty whenever there are errors. */
  graphs: ProcessGraph[];
}

export async function analyseBpmn(xml: string): Promise<ModelAnalysis> {
  const parsed = await parseBpmn(xml);
  if (!parsed.definitions || parsed.errors.length > 0) {
    return { errors: parsed.errors, warnings: parsed.warnings, graphs: [] };
  }
  const lint = await lintDefinitions(parsed.definitions);
  const warnings = [...parsed.warnings, ...lint.warnings];
  // Compiling a model the rules already rejected would only repeat their findings.
  if (lint.errors.length > 0) return { errors: lint.errors, warnings, graphs: [] };

  const compiled = compileDefinitions(parsed.definitions);
  if (compiled.errors.length > 0) return { errors: compiled.errors, warnings, graphs: [] };
  return { errors: [], warnings, graphs: compiled.graphs };
}

/** A job type used by one element of a graph. */
export interface ServiceTaskType {
  elementId: string;
  taskType: string;
}

/**
 * Every static job type of a graph (service and send tasks, message throws, and the execution
 * and task listeners of the process and its elements), one entry per element and type in graph
 * order, so the API can warn, per element, about types that have no in-process handler. FEEL
 * types (`=...`) are only known at run time and are left out.
 */
export function serviceTaskTypes(graph: ProcessGraph): ServiceTaskType[] {
  const found: ServiceTaskType[] = [];
  const add = (elementId: string, taskType: string | undefined) => {
    if (!taskType || taskType.startsWith('=')) return;
    if (!found.some((f) => f.elementId === elementId && f.taskType === taskType))
      found.push({ elementId, taskType });
  };
  for (const listener of graph.executionListeners ?? []) add(graph.processId, listener.type);
  for (const node of Object.values(graph.nodes)) {
    add(node.id, 'taskType' in node ? node.taskType : undefined);
    for (const listener of node.executionListeners ?? []) add(node.id, listener.type);
    if (node.kind === 'userTask')
      for (const listener of node.taskListeners ?? []) add(node.id, listener.type);
  }
  return found;
}
