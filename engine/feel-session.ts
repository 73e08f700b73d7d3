/**
 * What a FEEL evaluation may use besides its variables: the clock and zone for `now()` and
 * `today()` (workflow time, so a replay sees the same instant) and a budget of work. The
 * step opens one session around everything it evaluates; an evaluation outside a step
 * (the API trying an expression) gets a session of its own with the wall clock.
 *
 * The budget counts units that feelin spends in proportion to its input rather than to the
 * expression's text: elements of a range it enumerates (`for i in 1..n`) and function
 * invocations (recursion). They are charged before the work is done, so `1..30000000`
 * fails before a single element exists. A cartesian product of list variables
 * (`for a in xs, b in ys`) is bounded only by the size of those variables.
 */
import { DEFAULT_LIMITS } from './limits';

export interface FeelSession {
  now: number;
  timeZone: string;
  /** `random number()` and `uuid()`: seeded by the step, so a replay draws the same numbers. */
  random: () => number;
  /** Units left before the evaluation fails. */
  unitsLeft: number;
  readonly units: number;
}

let current: FeelSession | undefined;

/** Thrown inside feelin when the session's units run out; the evaluation becomes an incident. */
export class FeelBudgetExceeded extends Error {
  constructor(readonly units: number) {
    super(`FEEL evaluation budget of ${units} units exceeded (range elements and function calls)`);
  }
}

export function currentFeelSession(): FeelSession | undefined {
  return current;
}

/** Run with a session; a nested call shares the outer one, so a step's budget covers all it evaluates. */
export function inFeelSession<T>(
  session: { now: number; timeZone: string; units?: number; seed?: number },
  run: () => T,
): T {
  if (current) return run();
  const units = session.units ?? DEFAULT_LIMITS.maxFeelUnitsPerStep;
  current = {
    now: session.now,
    timeZone: session.timeZone,
    random: seededRandom(session.seed ?? session.now),
    units,
    unitsLeft: units,
  };
  try {
    return run();
  } finally {
    current = undefined;
  }
}

export function chargeFeel(units: number): void {
  if (!current) return;
  current.unitsLeft -= units;
  if (current.unitsLeft < 0) throw new FeelBudgetExceeded(current.units);
}

/** mulberry32: small, fast and good enough for FEEL's `random number()`. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from text (the instance id) and numbers (the step's clock and key counter). */
export function seedOf(text: string, ...numbers: number[]): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  for (const n of numbers) h = Math.imul(h ^ (n | 0) ^ Math.floor(n / 4294967296), 16777619);
  return h >>> 0;
}
