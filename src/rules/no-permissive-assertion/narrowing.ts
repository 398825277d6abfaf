/**
 * What a list of checks of one value admits together: a value passes when every check admits it.
 * Folded once from the checks (linear in their values), then asked per value, so a group with
 * thousands of pins or a set with thousands of literals costs one pass, not one per question.
 */
import type { OutcomeCheck } from './check-reader.js';
import { intervalIncludes, type Interval, type OutcomeValue } from './outcome-classes.js';

const FIRST_STATUS = 100;
const LAST_STATUS = 599;

/** The values and intervals of one check that states intervals, with its values as a set. */
interface RangedCheck {
  readonly values: ReadonlySet<OutcomeValue>;
  readonly intervals: readonly Interval[];
}

const rangedAdmits = (check: RangedCheck, value: OutcomeValue): boolean =>
  check.values.has(value) || (typeof value === 'number' && check.intervals.some((interval) => intervalIncludes(interval, value)));

export class Narrowing {
  /** How many accepting checks list values only. */
  private readonly listing: number = 0;
  /** For each value, how many of those checks list it. */
  private readonly listed = new Map<OutcomeValue, number>();
  /** Values some rejecting check (`not.toBe(500)`) lists. */
  private readonly excluded = new Set<OutcomeValue>();
  private readonly ranged: RangedCheck[] = [];
  /** Whether every ranged check admits each status 100–599; made on first use. */
  private statusMask: Uint8Array | null = null;

  constructor(checks: readonly OutcomeCheck[]) {
    for (const check of checks) {
      if (!check.accepts) {
        for (const value of check.values) {
          this.excluded.add(value);
        }
      } else if (check.intervals.length > 0) {
        this.ranged.push({ values: new Set(check.values), intervals: check.intervals });
      } else {
        this.listing += 1;
        for (const value of new Set(check.values)) {
          this.listed.set(value, (this.listed.get(value) ?? 0) + 1);
        }
      }
    }
  }

  /** Does every check admit `value`? */
  admits(value: OutcomeValue): boolean {
    if (this.excluded.has(value) || (this.listing > 0 && this.listed.get(value) !== this.listing)) {
      return false;
    }
    if (this.ranged.length === 0) {
      return true;
    }
    if (typeof value === 'number' && Number.isInteger(value) && value >= FIRST_STATUS && value <= LAST_STATUS) {
      return this.mask()[value - FIRST_STATUS] === 1;
    }
    return this.ranged.every((check) => rangedAdmits(check, value));
  }

  private mask(): Uint8Array {
    if (this.statusMask === null) {
      const mask = new Uint8Array(LAST_STATUS - FIRST_STATUS + 1).fill(1);
      for (const check of this.ranged) {
        for (let code = FIRST_STATUS; code <= LAST_STATUS; code += 1) {
          if (mask[code - FIRST_STATUS] === 1 && !rangedAdmits(check, code)) {
            mask[code - FIRST_STATUS] = 0;
          }
        }
      }
      this.statusMask = mask;
    }
    return this.statusMask;
  }
}
