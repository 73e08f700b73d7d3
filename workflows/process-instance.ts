/**
 * One BPMN process instance: start the core, serve signals/updates/queries, and wait until
 * it ends. Cancelling the workflow terminates the instance (open tasks closed as cancelled).
 */
import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import { bpmnErrorFailure } from './failures';
import { installHandlers } from './handlers';
import { InstanceHost } from './instance-host';
import type { ProcessInstanceInput, ProcessInstanceResult } from './protocol';

export async function processInstance(input: ProcessInstanceInput): Promise<ProcessInstanceResult> {
  const host = new InstanceHost(input);
  host.start();
  installHandlers(host);
  try {
    await condition(() => host.finished);
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
