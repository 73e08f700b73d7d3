/**
 * The one registration point of the installed process packs (server side). The generic
 * worker, persistence, API and deploy script read packs only from here; eslint.config.mjs
 * forbids them to import a pack's folders directly. The browser half: web/src/<pack>/web-pack.ts.
 */
import { contractReviewPack } from '../api/contract-review/contract-review.pack';
import { inProcessTaskTypes, type ProcessPack } from './process-pack';

export const PROCESS_PACKS: readonly ProcessPack[] = [contractReviewPack];

/**
 * Service-task types served by activities in our own worker, derived from the packs' handler
 * maps. Any other type is dispatched to the task queue `bpmn-jobs-<type>` for a worker in any
 * Temporal SDK (see workflows/protocol.ts).
 */
export const IN_PROCESS_TASK_TYPES: ReadonlySet<string> = inProcessTaskTypes(PROCESS_PACKS);
