/**
 * Call activity: the host starts the called process as a child workflow; its result
 * variables complete the element (all of them, or only through output mappings).
 */
import type { Behaviour } from '../behaviour';
import { nextKey, nodeOf } from '../context';
import { evaluateString } from '../feel';
import { completeElement } from '../lifecycle';
import { visibleVariables } from '../variables';
import type { CallActivityNode } from '../../model/process-graph';

export const callActivity: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as CallActivityNode;
    const visible = visibleVariables(ctx, inst.key);
    const childKey = nextKey(ctx);
    inst.wait = { kind: 'child', childKey };
    ctx.commands.push({
      type: 'startChild',
      childKey,
      elementId: inst.elementId,
      processId: evaluateString(node.calledElement, visible),
      binding: node.binding,
      ...(node.binding === 'deployment' && node.deployedVersion !== undefined
        ? { version: node.deployedVersion }
        : {}),
      // Without propagation the child sees only what the input mappings put on the call activity.
      variables: node.propagateAllParentVariables ? visible : { ...ctx.state.variables[inst.key] },
    });
  },
  onChildResult(ctx, inst, childVariables) {
    const node = nodeOf(ctx, inst.elementId) as CallActivityNode;
    const keep = node.propagateAllChildVariables || (node.outputs?.length ?? 0) > 0;
    completeElement(ctx, inst, { variables: keep ? childVariables : undefined });
  },
};
