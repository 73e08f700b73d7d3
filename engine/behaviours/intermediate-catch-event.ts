/**
 * Intermediate timer or message catch: waits for its own subscription (a cycle fires once
 * here). A link catch is entered by its link throw and passes straight on.
 */
import type { Behaviour } from '../behaviour';
import { nodeOf } from '../context';
import { completeElement } from '../lifecycle';
import { subscribe } from '../subscriptions';
import type { IntermediateCatchEventNode } from '../../model/process-graph';

export const intermediateCatchEvent: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as IntermediateCatchEventNode;
    if (node.event.type === 'link') return completeElement(ctx, inst);
    inst.wait = { kind: 'event' };
    subscribe(ctx, inst.key, inst.elementId, node.event);
  },
};
