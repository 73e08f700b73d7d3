/** Service and send tasks: a job of `taskType`; its result variables complete the task. */
import type { Behaviour } from '../behaviour';
import { nodeOf } from '../context';
import type { ServiceTaskNode } from '../../model/process-graph';
import { scheduleJob } from '../jobs';

export const serviceTask: Behaviour = {
  activate(ctx, inst) {
    const node = nodeOf(ctx, inst.elementId) as ServiceTaskNode;
    scheduleJob(ctx, inst, node.taskType, node.retries, node.headers);
  },
};
