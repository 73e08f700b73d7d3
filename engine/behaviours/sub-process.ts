/** Embedded subprocess: a variable scope with its own none start; it completes when its last token ends. */
import type { Behaviour } from '../behaviour';
import { nodesIn } from '../context';
import { subscribeEventSubprocesses } from '../event-subprocess';
import { ExpressionError } from '../feel';
import { activateElement } from '../lifecycle';

export const subProcess: Behaviour = {
  activate(ctx, inst) {
    subscribeEventSubprocesses(ctx, inst);
    const start = nodesIn(ctx, inst.elementId).find(
      (n) => n.kind === 'startEvent' && n.event.type === 'none',
    );
    if (!start) throw new ExpressionError(`subprocess '${inst.elementId}' has no none start event`);
    activateElement(ctx, start.id, inst.key);
  },
};
