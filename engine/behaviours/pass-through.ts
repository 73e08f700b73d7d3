/** Elements that complete as soon as they are entered: none/manual tasks, none start events, joined gateways' defaults. */
import type { Behaviour } from '../behaviour';
import { completeElement } from '../lifecycle';

export const passThrough: Behaviour = {
  activate(ctx, inst) {
    completeElement(ctx, inst);
  },
};
