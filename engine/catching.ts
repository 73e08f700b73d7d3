/**
 * Where thrown BPMN errors and escalations are caught: walking up from the thrower, each
 * scope's event subprocesses are tried before the boundary events of the activity that
 * encloses it (innermost wins), an exact code before a catch-all. An error nobody catches
 * becomes an incident, or, in a child instance, fails it so the parent's call activity can catch it.
 */
import type { BoundaryEventNode, GraphNode, StartEventNode } from '../model/process-graph';
import type { StepContext } from './context';
import { nodesIn } from './context';
import { evaluateValue } from './feel';
import { raiseIncident } from './incidents';
import { enterTriggered, interruptScope, terminateElement } from './lifecycle';
import { startEventSubprocess } from './event-subprocess';
import type { BpmnErrorPayload } from './stimulus';
import { ROOT_KEY, type ElementInstance } from './state';
import { record, recordProcess } from './timeline';

type Kind = 'error' | 'escalation';

function codeOf(
  ctx: StepContext,
  node: BoundaryEventNode | StartEventNode,
  kind: Kind,
): string | undefined | null {
  const ev = node.event;
  if (ev.type !== kind) return null; // not a catcher of this kind
  const code = ev.type === 'error' ? ev.errorCode : ev.type === 'escalation' ? ev.escalationCode : undefined;
  return code === undefined ? undefined : String(evaluateValue(code, {}));
}

function pick<T extends BoundaryEventNode | StartEventNode>(
  ctx: StepContext,
  candidates: T[],
  kind: Kind,
  code: string,
): T | undefined {
  const matching = candidates.filter((n) => codeOf(ctx, n, kind) !== null);
  return (
    matching.find((n) => codeOf(ctx, n, kind) === code) ??
    matching.find((n) => codeOf(ctx, n, kind) === undefined)
  );
}

function isScope(ctx: StepContext, inst: ElementInstance): boolean {
  return (
    inst.kind === 'process' ||
    (inst.kind === 'element' && ctx.graph.nodes[inst.elementId]?.kind === 'subProcess')
  );
}

function eventSubprocessStarts(ctx: StepContext, scopeElementId: string): StartEventNode[] {
  return nodesIn(ctx, scopeElementId)
    .filter((n): n is GraphNode & { kind: 'subProcess' } => n.kind === 'subProcess' && n.triggeredByEvent)
    .flatMap((es) => nodesIn(ctx, es.id).filter((n): n is StartEventNode => n.kind === 'startEvent'));
}

function boundaries(ctx: StepContext, inst: ElementInstance): BoundaryEventNode[] {
  if (inst.kind === 'process' || inst.miInner) return [];
  return (ctx.graph.nodes[inst.elementId]?.boundaryEvents ?? [])
    .map((id) => ctx.graph.nodes[id])
    .filter((n): n is BoundaryEventNode => n?.kind === 'boundaryEvent');
}

/** Throw from `fromKey` upward; returns how it was caught. */
function propagateThrow(
  ctx: StepContext,
  fromKey: string,
  kind: Kind,
  code: string,
  variables?: Record<string, unknown>,
): 'interrupting' | 'non-interrupting' | 'uncaught' {
  for (let key: string | null = fromKey; key != null;) {
    const inst: ElementInstance | undefined = ctx.state.instances[key];
    if (!inst) break;
    const start = isScope(ctx, inst)
      ? pick(
          ctx,
          eventSubprocessStarts(ctx, inst.kind === 'process' ? ctx.graph.processId : inst.elementId),
          kind,
          code,
        )
      : undefined;
    if (start) {
      record(ctx, start.id, kind === 'error' ? 'error' : 'escalated', { detail: { code } });
      const interrupting = kind === 'error' || start.interrupting;
      startEventSubprocess(ctx, inst, start, variables, interrupting);
      return interrupting ? 'interrupting' : 'non-interrupting';
    }
    const boundary = pick(ctx, boundaries(ctx, inst), kind, code);
    if (boundary) {
      record(ctx, boundary.id, kind === 'error' ? 'error' : 'escalated', { detail: { code } });
      const scopeKey = inst.parentKey!;
      const interrupting = kind === 'error' || boundary.cancelActivity;
      if (interrupting) terminateElement(ctx, inst);
      enterTriggered(ctx, boundary.id, scopeKey, variables);
      return interrupting ? 'interrupting' : 'non-interrupting';
    }
    key = inst.parentKey;
  }
  return 'uncaught';
}

/** Throw a BPMN error; an uncaught one raises an incident on the thrower (or fails a child instance). */
export function throwError(ctx: StepContext, thrower: ElementInstance, error: BpmnErrorPayload): void {
  record(ctx, thrower.elementId, 'error', {
    detail: {
      errorCode: error.errorCode,
      ...(error.errorMessage ? { errorMessage: error.errorMessage } : {}),
    },
  });
  if (propagateThrow(ctx, thrower.key, 'error', error.errorCode, error.variables) !== 'uncaught') return;
  if (ctx.state.propagateErrors) {
    failInstance(ctx, error);
    return;
  }
  raiseIncident(
    ctx,
    thrower,
    'unhandled-error',
    `Unhandled BPMN error '${error.errorCode}'${error.errorMessage ? `: ${error.errorMessage}` : ''}`,
    { phase: 'activate' },
  );
}

/** Throw an escalation; uncaught escalations are ignored, as in Zeebe. Returns whether the thrower was interrupted. */
export function throwEscalation(ctx: StepContext, thrower: ElementInstance, code: string): boolean {
  record(ctx, thrower.elementId, 'escalated', { detail: { code } });
  propagateThrow(ctx, thrower.key, 'escalation', code);
  return !ctx.state.instances[thrower.key];
}

function failInstance(ctx: StepContext, error: BpmnErrorPayload): void {
  interruptScope(ctx, ROOT_KEY);
  delete ctx.state.instances[ROOT_KEY];
  ctx.state.status = 'FAILED';
  ctx.state.result = { ...ctx.state.variables[ROOT_KEY] };
  recordProcess(ctx, 'terminated', { errorCode: error.errorCode });
  ctx.commands.push({ type: 'failInstance', error });
}
