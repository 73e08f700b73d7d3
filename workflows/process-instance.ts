/**
 * One BPMN process instance: start the core, serve signals/updates/queries, and wait until
 * it ends. Cancelling the workflow terminates the instance (open tasks closed as cancelled).
 * A long-lived instance (a late order re-reviewed daily for weeks) continues as new once its
 * history is long, carrying the interpreter state into the next run.
 */
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
} from '@temporalio/workflow';
import { bpmnErrorFailure } from './failures';
import { installHandlers } from './handlers';
import { InstanceHost } from './instance-host';
import type { ProcessInstanceInput, ProcessInstanceResult } from './protocol';

export async function processInstance(input: ProcessInstanceInput): Promise<ProcessInstanceResult> {
  const host = new InstanceHost(input);
  host.start();
  installHandlers(host);
  try {
    for (;;) {
      await condition(() => host.finished || host.shouldContinueAsNew);
      if (host.finished) break;
      // An update being handled answers first; then only continue if still nothing but timers is pending.
      await condition(allHandlersFinished);
      if (host.shouldContinueAsNew)
        return await continueAsNew<typeof processInstance>({
          ...host.input,
          variables: {},
          resume: host.state,
          exportSeq: host.exporter.seq,
        });
    }
  } catch (err) {
    if (!isCancellation(err)) throw err;
    await CancellationScope.nonCancellable(async () => {
      host.apply({ type: 'cancel' });
      await host.settle();
    });
    return host.result();
  }
  await host.settle();
  if (host.failure) throw bpmnErrorFailure(host.failure);
  return host.result();
}
