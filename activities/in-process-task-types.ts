/**
 * Service-task types served by activities in our own worker. Any other type is dispatched
 * to the task queue `bpmn-jobs-<type>` for a worker in any Temporal SDK (see workflows/protocol.ts).
 * Kept dependency-free: the API reads it to warn at deploy time.
 */
import { CONTRACT_REVIEW_TASK_TYPES } from './contract-review/task-types';

export const IN_PROCESS_TASK_TYPES: ReadonlySet<string> = new Set<string>([...CONTRACT_REVIEW_TASK_TYPES]);
