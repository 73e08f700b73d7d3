/**
 * End events: none consumes the token; terminate ends the rest of its scope; error and
 * escalation throw upward; a message end event runs its job before it ends, a signal end
 * event its broadcast; a compensation end event ends once the handlers it started have.
 */
import type { Behaviour } from '../behaviour';
import { throwError, throwEscalation } from '../catching';
import { nodeOf } from '../context';
import { evaluateValue } from '../feel';
import { completeElement, interruptScope } from '../lifecycle';
import { visibleVariables } from '../variables';
import type { EndEventNode } from '../../model/process-graph';
import { compensationHandlerDone, throwCompensation } from './compensate';
import { scheduleJob } from '../jobs';
import { throwSignal } from './signal-throw';

export const endEvent: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as EndEventNode;
    const event = node.event;
    if (node.taskType) return scheduleJob(ctx, inst, node.taskType, node.retries, node.headers);
    if (event.type === 'signal') return throwSignal(ctx, inst, event.signalName);
    const text = (source: string | undefined) =>
      source === undefined ? '' : String(evaluateValue(source, visibleVariables(ctx, inst.key)));
    switch (event.type) {
      case 'terminate':
        interruptScope(ctx, inst.parentKey!, inst.key);
        return completeElement(ctx, inst);
      case 'error': {
        const errorMessage = event.errorMessage === undefined ? undefined : text(event.errorMessage);
        return throwError(ctx, inst, {
          errorCode: text(event.errorCode),
          ...(errorMessage ? { errorMessage } : {}),
        });
      }
      case 'escalation':
        if (throwEscalation(ctx, inst, text(event.escalationCode))) return;
        return completeElement(ctx, inst);
      case 'compensation':
        return throwCompensation(ctx, inst, event.activityRef);
      default:
        return completeElement(ctx, inst);
    }
  },
  onChildCompleted: (ctx, inst) => compensationHandlerDone(ctx, inst),
};
