/** The contract of one element type's run-time behaviour (activate / complete / terminate). */
import type { StepContext } from './context';
import type { ElementInstance } from './state';

export interface Behaviour {
  /** A token entered the element: do its work, completing it at once or leaving it waiting. */
  activate(ctx: StepContext, inst: ElementInstance): void;
  /** Flows to take when the element completes; by default every outgoing flow whose condition holds. */
  outgoing?(ctx: StepContext, inst: ElementInstance): string[];
  /** Extra cleanup when terminated, after its children were terminated and its wait released. */
  terminate?(ctx: StepContext, inst: ElementInstance): void;
}
