/** Gateways: the kind, and the default flow of exclusive and inclusive gateways. */
import type { HandlerMap, NodeHandler } from './context';

const gateway =
  (kind: 'exclusiveGateway' | 'inclusiveGateway' | 'parallelGateway' | 'eventBasedGateway'): NodeHandler =>
  (element) => ({ kind, defaultFlow: element.default?.id });

export const gatewayHandlers: HandlerMap = {
  'bpmn:ExclusiveGateway': gateway('exclusiveGateway'),
  'bpmn:InclusiveGateway': gateway('inclusiveGateway'),
  'bpmn:ParallelGateway': gateway('parallelGateway'),
  'bpmn:EventBasedGateway': gateway('eventBasedGateway'),
};
