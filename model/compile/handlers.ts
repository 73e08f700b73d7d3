/** Element type → handler, assembled from the per-family files. */
import { businessRuleTaskHandlers } from './business-rule-task';
import type { HandlerMap } from './context';
import { eventHandlers } from './events';
import { gatewayHandlers } from './gateways';
import { subprocessHandlers } from './subprocesses';
import { taskHandlers } from './tasks';

export const handlers: HandlerMap = {
  ...eventHandlers,
  ...taskHandlers,
  ...businessRuleTaskHandlers,
  ...gatewayHandlers,
  ...subprocessHandlers,
};
