/** Element type → behaviour: the registry the step hands to the lifecycle through its context. */
import type { Behaviour, BehaviourKind } from '../behaviour';
import { callActivity } from './call-activity';
import { endEvent } from './end-event';
import { eventBasedGateway } from './event-based-gateway';
import { exclusiveGateway, inclusiveGateway, parallelGateway } from './gateways';
import { intermediateCatchEvent } from './intermediate-catch-event';
import { intermediateThrowEvent } from './intermediate-throw-event';
import { multiInstanceBody } from './multi-instance';
import { passThrough } from './pass-through';
import { processInstance } from './process';
import { receiveTask } from './receive-task';
import { scriptTask } from './script-task';
import { serviceTask } from './service-task';
import { subProcess } from './sub-process';
import { userTask } from './user-task';

const behaviours: Record<BehaviourKind, Behaviour> = {
  startEvent: passThrough,
  endEvent,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent: passThrough,
  serviceTask,
  sendTask: serviceTask,
  businessRuleTask: serviceTask,
  scriptTask,
  userTask,
  receiveTask,
  task: passThrough,
  manualTask: passThrough,
  exclusiveGateway,
  inclusiveGateway,
  parallelGateway,
  eventBasedGateway,
  subProcess,
  callActivity,
  multiInstanceBody,
  process: processInstance,
};

export function behaviourOf(kind: BehaviourKind): Behaviour {
  return behaviours[kind];
}
