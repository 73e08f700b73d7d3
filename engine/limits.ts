/**
 * Bounded work: one step (one workflow activation) does a bounded amount of work, so a
 * diagram or a caller's variables can never keep a workflow task busy past Temporal's
 * deadlock detector (which fails the task, and Temporal retries it for ever). Every bound
 * is a count, never a clock, so a replay meets the same bound at the same place.
 *
 * - element activations per step: a loop without a wait state stops in a `no-wait-state`
 *   incident on the element it would enter next;
 * - FEEL units per step (range elements enumerated, function calls): the expression that
 *   passes it ends in an `expression-budget` incident (see feel-budget.ts);
 * - multi-instance cardinality: an input collection longer than the cap is a
 *   `multi-instance-cap` incident on the multi-instance body.
 */
export interface EngineLimits {
  maxActivationsPerStep: number;
  maxFeelUnitsPerStep: number;
  maxMultiInstanceCardinality: number;
}

/**
 * Sized so that a step at a bound still ends well inside Temporal's 2 s deadlock detector on
 * a loaded machine: feelin parses every expression afresh (about 0.3 ms each), so a FEEL
 * evaluation costs `FEEL_UNITS_PER_EVALUATION` on top of its range elements and calls. The
 * cardinality cap stays below Temporal's default of 2,000 pending activities (or child
 * workflows) per execution: a parallel multi-instance over more would fail its workflow task.
 */
export const DEFAULT_LIMITS: EngineLimits = {
  maxActivationsPerStep: 2_000,
  maxFeelUnitsPerStep: 50_000,
  maxMultiInstanceCardinality: 1_000,
};

export function limitsOf(overrides: Partial<EngineLimits> | undefined): EngineLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** What one feelin evaluation costs against the FEEL budget, before its ranges and calls. */
export const FEEL_UNITS_PER_EVALUATION = 100;
/** A function invocation copies its whole context in feelin: it costs more than a range element. */
export const FEEL_UNITS_PER_CALL = 5;
