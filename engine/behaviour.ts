/**
 * The contract of one element type's run-time behaviour (activate / complete / terminate,
 * and the events of the instances it owns). The generic lifecycle (lifecycle.ts) calls it
 * through the registry in the step context, so it knows no element type by name.
 */
import type { NodeKind } from '../model/process-graph';
import type { StepContext } from './context';
import type { ElementInstance, ListenerRun, Variables } from './state';

/** What the registry is keyed by: a node kind, or the body that runs a multi-instance activity. */
export type BehaviourKind = NodeKind | 'multiInstanceBody' | 'process';

export type BehaviourRegistry = (kind: BehaviourKind) => Behaviour;

export interface Behaviour {
  /** A token entered the element: do its work, completing it at once or leaving it waiting. */
  activate(ctx: StepContext, inst: ElementInstance): void;
  /** Flows to take when the element completes; by default every outgoing flow whose condition holds. */
  outgoing?(ctx: StepContext, inst: ElementInstance): string[];
  /** Extra cleanup when terminated, after its children were terminated and its wait released. */
  terminate?(ctx: StepContext, inst: ElementInstance): void;
  /**
   * An instance it started and waits for completed: a multi-instance iteration (its variables
   * still there; the body removes it) or a compensation handler of a throw event (already gone).
   */
  onChildCompleted?(ctx: StepContext, inst: ElementInstance, child: ElementInstance): void;
  /** The instance it started elsewhere (a call activity's child process) completed with these variables. */
  onChildResult?(ctx: StepContext, inst: ElementInstance, variables: Variables | undefined): void;
  /** An incident retry of its completion phase; by default it completes again with the retried variables. */
  resumeCompletion?(ctx: StepContext, inst: ElementInstance): void;
  /** One of its task listeners' jobs completed with `result` (user tasks). */
  onTaskListenerCompleted?(
    ctx: StepContext,
    inst: ElementInstance,
    run: ListenerRun,
    result: Variables | undefined,
  ): void;
  /** Its task listeners of `run.event` are all done (user tasks): the task opens, or completes. */
  onTaskListenersDone?(ctx: StepContext, inst: ElementInstance, run: ListenerRun): void;
}
