/** Intermediate throw: none passes through, escalation is thrown upward, message throws run as a job. */
import type { Behaviour } from '../behaviour';
import { throwEscalation } from '../catching';
import { nodeOf } from '../context';
import { evaluateValue } from '../feel';
import { completeElement } from '../lifecycle';
import { visibleVariables } from '../variables';
import type { IntermediateThrowEventNode } from '../../model/process-graph';
import { scheduleJob } from './job';

export const intermediateThrowEvent: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as IntermediateThrowEventNode;
    if (node.taskType) return scheduleJob(ctx, inst, node.taskType, node.retries, node.headers);
    if (node.event.type === 'escalation') {
      const code = String(evaluateValue(node.event.escalationCode ?? '', visibleVariables(ctx, inst.key)));
      if (throwEscalation(ctx, inst, code)) return;
    }
    completeElement(ctx, inst);
  },
};
