/** Starting and cancelling a whole instance. */
import type { ProcessGraph } from '../model/process-graph';
import type { StepContext } from './context';
import { subscribeEventSubprocesses } from './event-subprocess';
import { ExpressionError } from './feel';
import { guarded } from './incidents';
import { activateElement, continueListeners, interruptScope, releaseWait } from './lifecycle';
import { hasListeners } from './listeners';
import { emptyState, ROOT_KEY, type ElementInstance, type EngineState, type Variables } from './state';
import { releaseOwned } from './subscriptions';
import { recordProcess } from './timeline';

export function initialState(
  graph: ProcessGraph,
  instanceId: string,
  propagateErrors: boolean,
  runKey?: string,
): EngineState {
  const state = emptyState(instanceId, graph.processId, propagateErrors);
  if (runKey) state.runKey = runKey;
  return state;
}

export function startProcess(ctx: StepContext, variables: Variables, startEventId?: string): void {
  const root: ElementInstance = {
    key: ROOT_KEY,
    elementId: ctx.graph.processId,
    parentKey: null,
    kind: 'process',
  };
  ctx.state.instances[ROOT_KEY] = root;
  ctx.state.variables[ROOT_KEY] = { ...variables };
  recordProcess(ctx, 'started');
  guarded(ctx, root, { phase: 'activate' }, () => {
    if (!hasListeners(ctx, root, 'start')) return enterProcess(ctx, root, startEventId);
    // The process's start listeners run first; its start event is entered once they are done.
    if (startEventId) root.startEventId = startEventId;
    continueListeners(ctx, root, { event: 'start', index: 0 });
  });
}

/** The process begins: its event subprocesses listen, and its start event is entered. */
export function enterProcess(ctx: StepContext, root: ElementInstance, startEventId?: string): void {
  subscribeEventSubprocesses(ctx, root);
  const startId =
    startEventId ??
    Object.values(ctx.graph.nodes).find(
      (n) => n.kind === 'startEvent' && n.parent === ctx.graph.processId && n.event.type === 'none',
    )?.id;
  if (!startId) throw new ExpressionError(`process '${ctx.graph.processId}' has no none start event`);
  activateElement(ctx, startId, ROOT_KEY);
}

export function cancelProcess(ctx: StepContext): void {
  interruptScope(ctx, ROOT_KEY);
  const root = ctx.state.instances[ROOT_KEY];
  if (root) releaseWait(ctx, root); // a process listener's job
  releaseOwned(ctx, ROOT_KEY);
  delete ctx.state.instances[ROOT_KEY];
  ctx.state.status = 'TERMINATED';
  ctx.state.result = { ...ctx.state.variables[ROOT_KEY] };
  recordProcess(ctx, 'terminated');
  ctx.commands.push({ type: 'terminateInstance' });
}
