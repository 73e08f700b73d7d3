/** Receive task: waits for its message; boundary events may still interrupt it. */
import type { Behaviour } from '../behaviour';
import { nodeOf } from '../context';
import { subscribeMessage } from '../subscriptions';
import type { ReceiveTaskNode } from '../../model/process-graph';

export const receiveTask: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as ReceiveTaskNode;
    inst.wait = { kind: 'event' };
    subscribeMessage(ctx, inst.key, inst.elementId, node.messageName, node.correlationKey);
  },
};
