/**
 * Intermediate throw: none passes through, escalation is thrown upward, message throws run
 * as a job, a signal throw broadcasts through the engine's job, a link throw ends here and
 * enters its link catch in the same scope, and a compensation throw waits for the handlers it starts.
 */
import type { Behaviour } from '../behaviour';
import { throwEscalation } from '../catching';
import { nodeOf } from '../context';
import { evaluateValue } from '../feel';
import { activateElement, completeElement } from '../lifecycle';
import { visibleVariables } from '../variables';
import type { IntermediateThrowEventNode } from '../../model/process-graph';
import { compensationHandlerDone, throwCompensation } from './compensate';
import { scheduleJob } from '../jobs';
import { throwSignal } from './signal-throw';

export const intermediateThrowEvent: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as IntermediateThrowEventNode;
    if (node.taskType) return scheduleJob(ctx, inst, node.taskType, node.retries, node.headers);
    if (node.event.type === 'signal') return throwSignal(ctx, inst, node.event.signalName);
    if (node.event.type === 'escalation') {
      const code = String(evaluateValue(node.event.escalationCode ?? '', visibleVariables(ctx, inst.key)));
      if (throwEscalation(ctx, inst, code)) return;
    }
    if (node.event.type === 'compensation') return throwCompensation(ctx, inst, node.event.activityRef);
    if (node.event.type === 'link' && node.linkTarget) {
      const scopeKey = inst.parentKey!;
      completeElement(ctx, inst, { flows: [], keepScope: true });
      activateElement(ctx, node.linkTarget, scopeKey);
      return;
    }
    completeElement(ctx, inst);
  },
  onChildCompleted: (ctx, inst) => compensationHandlerDone(ctx, inst),
};
