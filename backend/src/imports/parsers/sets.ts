import { readNumber, roundTo } from '../values';
import { RowError } from './shared';

/** A non-negative number, or null for an empty cell; rejects the row when unreadable. */
export function readOptionalAmount(text: string, label: string): number | null {
  const value = readNumber(text);
  if (value === undefined) {
    throw new RowError(`Unreadable ${label} "${text}".`);
  }
  if (value !== null && value < 0) {
    throw new RowError(`Negative ${label} "${text}".`);
  }
  return value;
}

/** A whole number of repetitions ("10" or "10.0"), or null for an empty cell. */
export function readReps(text: string): number | null {
  const reps = readOptionalAmount(text, 'reps');
  if (reps !== null && !Number.isInteger(reps)) {
    throw new RowError(`Reps must be a whole number, found "${text}".`);
  }
  return reps;
}

/**
 * RPE from 1 to 10 in half steps. The apps write 0 or nothing for "not rated". A value off the
 * half steps is rounded to the nearest one; a value out of range is dropped. Either way the set
 * itself is kept and the caller reports the warning.
 */
export function readRpe(text: string): { value: number | null; warning?: string } {
  const rpe = readNumber(text);
  if (rpe === null || rpe === 0) {
    return { value: null };
  }
  if (rpe === undefined || rpe < 1 || rpe > 10) {
    return { value: null, warning: `RPE "${text}" is not between 1 and 10: left out.` };
  }
  const halfStep = roundTo(Math.round(rpe * 2) / 2, 1);
  if (halfStep !== rpe) {
    return { value: halfStep, warning: `RPE "${text}" rounded to ${halfStep}.` };
  }
  return { value: rpe };
}
