// How an imported set becomes a set our rules accept. Pure: tested in set-fit.test.ts.
//
// The other apps let any set hold any value; ours takes, per kind of exercise, the values
// workouts/set-rules.ts names. An imported set keeps every value in range; a value the kind does
// not use is dropped only when it is zero (Hevy writes 0 kg for bodyweight sets), and a weight the
// kind needs is taken as 0 when the set has reps but no weight (an empty bar, a machine's stack
// left unrecorded). Anything else does not fit, and the caller chooses another kind.
import type { ExerciseKind } from '../exercises/kinds';
import type { SetInput } from '../workouts/entries';
import { FIELDS_BY_KIND, checkSetForKind, type SetField } from '../workouts/set-rules';
import {
  MAX_DISTANCE_METERS,
  MAX_DURATION_SECONDS,
  MAX_REPS,
  MAX_WEIGHT,
} from '../workouts/validation';
import { KG_PER_LB } from '../workouts/units';
import type { ImportedSet } from './types';

/** A set's values with kilograms under the name the rules use (`weight`). */
export type SetValues = Required<Omit<SetInput, 'type'>> & { type: NonNullable<SetInput['type']> };

const MAX_WEIGHT_KG = MAX_WEIGHT * KG_PER_LB;

/** The set's values, each one out of range (or not a number) dropped and named in `dropped`. */
export function cleanSet(set: ImportedSet): { values: SetValues; dropped: string[] } {
  const dropped: string[] = [];
  const keep = (name: string, value: number | null, isValid: (value: number) => boolean) => {
    if (value === null) {
      return null;
    }
    if (!Number.isFinite(value) || !isValid(value)) {
      dropped.push(`${name} ${value}`);
      return null;
    }
    return value;
  };
  const durationSeconds =
    set.durationSeconds === null ? null : Math.round(set.durationSeconds) || null;

  return {
    values: {
      type: set.type,
      reps: keep(
        'reps',
        set.reps,
        (value) => Number.isInteger(value) && value <= MAX_REPS && value >= 0,
      ),
      weight: keep('weight', set.weightKg, (value) => value >= 0 && value <= MAX_WEIGHT_KG),
      rpe: keep(
        'RPE',
        set.rpe,
        (value) => value >= 6 && value <= 10 && Number.isInteger(value * 2),
      ),
      durationSeconds: keep(
        'duration',
        durationSeconds,
        (value) => value >= 1 && value <= MAX_DURATION_SECONDS,
      ),
      distanceMeters: keep(
        'distance',
        set.distanceMeters,
        (value) => value > 0 && value <= MAX_DISTANCE_METERS,
      ),
    },
    dropped,
  };
}

const MEASURES: SetField[] = ['reps', 'weight', 'durationSeconds', 'distanceMeters'];

/** Whether a set records nothing that was done (no reps, weight, time or distance). */
export function isEmptySet(values: SetValues): boolean {
  return MEASURES.every((field) => values[field] === null);
}

/**
 * The set as the kind takes it, or null when it does not fit the kind. `lenient` (for the user's
 * own exercises, whose kind was chosen from the sets) drops any value the kind does not use instead
 * of refusing the set; a set still lacking a value the kind needs does not fit.
 */
export function fitSet(
  kind: ExerciseKind,
  values: SetValues,
  { lenient = false } = {},
): SetValues | null {
  const rules = FIELDS_BY_KIND[kind];
  const fitted: SetValues = { ...values };
  for (const field of ['reps', 'weight', 'rpe', 'durationSeconds', 'distanceMeters'] as const) {
    const value = fitted[field];
    if (value !== null && !rules.allowed.includes(field)) {
      if (value !== 0 && !lenient) {
        return null;
      }
      fitted[field] = null;
    }
  }
  if (fitted.weight === null && rules.required.includes('weight') && fitted.reps !== null) {
    fitted.weight = 0;
  }

  return checkSetForKind(kind, fitted, 'set').length === 0 ? fitted : null;
}

/** What the sets of one exercise, over a whole file, record: enough to choose its kind. */
export class KindEvidence {
  private hasDistance = false;
  private hasDuration = false;
  private isAlwaysTimed = true;
  private hasWeight = false;
  private hasReps = false;

  add(values: SetValues): void {
    this.hasDistance ||= values.distanceMeters !== null;
    this.hasDuration ||= values.durationSeconds !== null;
    this.isAlwaysTimed &&= values.durationSeconds !== null;
    this.hasWeight ||= values.weight !== null && values.weight !== 0;
    this.hasReps ||= values.reps !== null;
  }

  /** The kind that keeps the most: distance, time, load and reps, or reps alone. */
  kind(): ExerciseKind {
    if (this.hasDistance) {
      return 'distance_duration';
    }
    if (this.hasDuration && (this.isAlwaysTimed || !this.hasReps)) {
      return 'duration';
    }
    if (this.hasWeight) {
      return 'weight_reps';
    }

    return this.hasReps ? 'bodyweight_reps' : 'duration';
  }
}

/** The kind for sets logged without one (see KindEvidence). */
export function inferKind(sets: readonly SetValues[]): ExerciseKind {
  const evidence = new KindEvidence();
  sets.forEach((set) => evidence.add(set));

  return evidence.kind();
}
