/** Script task: a FEEL expression whose value lands in the result variable. */
import type { Behaviour } from '../behaviour';
import { nodeOf } from '../context';
import { evaluateValue } from '../feel';
import { completeElement } from '../lifecycle';
import { visibleVariables } from '../variables';
import type { ScriptTaskNode } from '../../model/process-graph';

export const scriptTask: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as ScriptTaskNode;
    const value = evaluateValue(node.expression, visibleVariables(ctx, inst.key));
    completeElement(ctx, inst, { variables: { [node.resultVariable]: value } });
  },
};
