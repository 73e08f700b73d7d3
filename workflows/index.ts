/** Workflow bundle entry: the worker's `workflowsPath` points here. */
export { processInstance } from './process-instance';
export { batchOperation } from './batch-operation';
