/**
 * Event-based gateway: subscribes to the events after it; the first to occur wins, the
 * gateway completes and the winning event is entered already triggered (see triggers.ts).
 */
import type { Behaviour } from '../behaviour';
import { nodeOf } from '../context';
import { subscribe, subscribeMessage } from '../subscriptions';

export const eventBasedGateway: Behaviour = {
  activate(ctx, inst) {
    inst.wait = { kind: 'event' };
    for (const flowId of nodeOf(ctx, inst.elementId).outgoing) {
      const target = nodeOf(ctx, ctx.graph.flows[flowId].target);
      if (target.kind === 'intermediateCatchEvent') subscribe(ctx, inst.key, target.id, target.event);
      if (target.kind === 'receiveTask')
        subscribeMessage(ctx, inst.key, target.id, target.messageName, target.correlationKey);
    }
  },
};
