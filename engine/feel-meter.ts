/**
 * Hooks the FEEL budget into feelin: enumerating a range and invoking a function charge the
 * current session (feel-session.ts) before they run. feelin exports both classes; patching
 * their prototypes once is the only way in, since its interpreter is not extensible.
 */
import type * as Feelin from 'feelin';
import { chargeFeel } from './feel-session';
import { FEEL_UNITS_PER_CALL } from './limits';

const INSTALLED = Symbol.for('bpmn-engine.feel-meter');

type Patched = { [INSTALLED]?: true };

export function installFeelMeter(feelin: typeof Feelin): void {
  const range = feelin.FeelRange.prototype as Feelin.FeelRange & Patched;
  if (range[INSTALLED]) return;
  range[INSTALLED] = true;
  const map = range.map;
  range.map = function <T>(this: Feelin.FeelRange, fn: (value: unknown) => T): T[] {
    chargeFeel(rangeSize(this));
    return map.call(this, fn) as T[];
  };
  const fn = feelin.FeelFunction.prototype as { invoke(args: unknown): unknown };
  const invoke = fn.invoke;
  fn.invoke = function (this: unknown, args: unknown): unknown {
    chargeFeel(FEEL_UNITS_PER_CALL);
    return invoke.call(this, args);
  };
}

/** Elements a range would enumerate; non-number ranges (single characters) are small. */
function rangeSize(range: Feelin.FeelRange): number {
  const { start, end } = range;
  if (typeof start !== 'number' || typeof end !== 'number') return 1;
  const size = Math.abs(end - start) + 1;
  return Number.isFinite(size) ? size : Number.MAX_SAFE_INTEGER;
}
