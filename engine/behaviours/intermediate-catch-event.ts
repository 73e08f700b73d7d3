/** Intermediate timer or message catch: waits for its own subscription (a cycle fires once here). */
import type { Behaviour } from '../behaviour';
import { nodeOf } from '../context';
import { subscribe } from '../subscriptions';
import type { IntermediateCatchEventNode } from '../../model/process-graph';

export const intermediateCatchEvent: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as IntermediateCatchEventNode;
    inst.wait = { kind: 'event' };
    subscribe(ctx, inst.key, inst.elementId, node.event);
  },
};
