/** The process instance itself, once its start listeners are done: it enters its start event. */
import type { Behaviour } from '../behaviour';
import { enterProcess } from '../start';

export const processInstance: Behaviour = {
  activate: (ctx, root) => enterProcess(ctx, root, root.startEventId),
};
