// Records and volume. Pure: no I/O, so every rule is tested exhaustively (records.test.ts).
//
// Rules, in one place:
// - Warm-up sets never count: not for records, not for volume.
// - A set counts for a weight record only with at least one rep and a weight above zero.
// - One-rep max: Epley, weight × (1 + reps / 30), used for 1 to 10 reps only (beyond 10 the
//   formula overestimates); a single rep is the weight itself.
// - Set volume is weight × reps, for the kinds that carry a load (weight and reps; weighted
//   bodyweight, where the weight is the added load). Bodyweight and assisted sets have no volume.
// - A new record must beat the old value; an equal value is a tie, and a tie is not a record.
//   "Equal" allows a billionth of the value, so that one weight reached through different
//   arithmetic (90 kg × 10 and 120 kg × 1 both estimate 120 kg) is still a tie.
// - Within one workout the first set to reach the workout's best holds the record; a later equal
//   set is a tie. A record beaten twice in one workout is reported once, at its final value.
// - The first time an exercise is done, every value it sets is a record (there is nothing to beat).
import type { ExerciseKind } from '../exercises/kinds';

export const SET_TYPES = ['warmup', 'normal', 'drop', 'failure'] as const;
export type SetType = (typeof SET_TYPES)[number];

export const RECORD_TYPES = [
  'heaviestWeight',
  'bestOneRepMax',
  'bestSetVolume',
  'mostReps',
  'longestDuration',
  'longestDistance',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Epley is used up to this many reps; more reps give no one-rep max estimate. */
export const ONE_REP_MAX_MAX_REPS = 10;

const TIE_TOLERANCE = 1e-9;

const WEIGHT_RECORDS: RecordType[] = [
  'heaviestWeight',
  'bestOneRepMax',
  'bestSetVolume',
  'mostReps',
];

const RECORDS_BY_KIND: Record<ExerciseKind, readonly RecordType[]> = {
  weight_reps: WEIGHT_RECORDS,
  weighted_bodyweight: WEIGHT_RECORDS,
  bodyweight_reps: ['mostReps'],
  assisted_bodyweight: ['mostReps'],
  duration: ['longestDuration'],
  distance_duration: ['longestDistance', 'longestDuration'],
};

const LOADED_KINDS: ReadonlySet<ExerciseKind> = new Set(['weight_reps', 'weighted_bodyweight']);

/** What the rules read of a set; absent values are null. */
export interface SetValues {
  type: SetType;
  reps: number | null;
  weightKg: number | null;
  durationSeconds: number | null;
  distanceMeters: number | null;
}

export type RecordValues = Partial<Record<RecordType, number>>;

export interface Best {
  value: number;
  /** The index, in the list given, of the first set that reached the value. */
  setIndex: number;
}

export interface NewRecord extends Best {
  type: RecordType;
  /** The value it beat, or null the first time. */
  previous: number | null;
}

/** The records an exercise of this kind can hold. */
export function recordTypesFor(kind: ExerciseKind): readonly RecordType[] {
  return RECORDS_BY_KIND[kind];
}

/** Epley's estimated one-rep max, or null outside 1 to 10 reps or without a weight. */
export function oneRepMax(weightKg: number, reps: number): number | null {
  if (!Number.isInteger(reps) || reps < 1 || reps > ONE_REP_MAX_MAX_REPS || !(weightKg > 0)) {
    return null;
  }
  if (reps === 1) {
    return weightKg;
  }

  // Multiplying before dividing keeps round numbers round (90 × 40 / 30 is exactly 120).
  return (weightKg * (30 + reps)) / 30;
}

/** Weight × reps of a set that counts for volume, else 0. */
export function setVolumeKg(kind: ExerciseKind, set: SetValues): number {
  if (!LOADED_KINDS.has(kind) || set.type === 'warmup') {
    return 0;
  }
  const { reps, weightKg } = set;
  if (reps === null || weightKg === null || reps < 1 || weightKg <= 0) {
    return 0;
  }

  return weightKg * reps;
}

/** The volume of a list of sets of one exercise. */
export function volumeKg(kind: ExerciseKind, sets: readonly SetValues[]): number {
  return sets.reduce((total, set) => total + setVolumeKg(kind, set), 0);
}

/** The value a set reaches for a record type, or null when the set does not count for it. */
export function recordValue(type: RecordType, kind: ExerciseKind, set: SetValues): number | null {
  if (set.type === 'warmup') {
    return null;
  }
  const reps = set.reps ?? 0;
  const weightKg = set.weightKg ?? 0;

  switch (type) {
    case 'heaviestWeight':
      return reps >= 1 && weightKg > 0 ? weightKg : null;
    case 'bestOneRepMax':
      return oneRepMax(weightKg, reps);
    case 'bestSetVolume':
      return positiveOrNull(setVolumeKg(kind, set));
    case 'mostReps':
      return reps >= 1 ? reps : null;
    case 'longestDuration':
      return positiveOrNull(set.durationSeconds ?? 0);
    case 'longestDistance':
      return positiveOrNull(set.distanceMeters ?? 0);
  }
}

function positiveOrNull(value: number): number | null {
  return value > 0 ? value : null;
}

/** Whether `value` beats `previous` (a tie does not; nothing to beat means it does). */
export function beats(value: number, previous: number | null | undefined): boolean {
  if (previous === null || previous === undefined) {
    return true;
  }

  return value > previous + TIE_TOLERANCE * Math.max(1, Math.abs(previous));
}

/** The best value per record type among the sets, with the first set that reached it. */
export function bestOf(
  kind: ExerciseKind,
  sets: readonly SetValues[],
): Partial<Record<RecordType, Best>> {
  const bests: Partial<Record<RecordType, Best>> = {};
  for (const type of recordTypesFor(kind)) {
    sets.forEach((set, setIndex) => {
      const value = recordValue(type, kind, set);
      if (value !== null && beats(value, bests[type]?.value)) {
        bests[type] = { value, setIndex };
      }
    });
  }

  return bests;
}

/** The best values of the sets, without where they were reached. */
export function bestValues(kind: ExerciseKind, sets: readonly SetValues[]): RecordValues {
  const values: RecordValues = {};
  for (const [type, best] of Object.entries(bestOf(kind, sets)) as Array<[RecordType, Best]>) {
    values[type] = best.value;
  }

  return values;
}

/** The higher of two sets of best values, per record type. */
export function mergeBestValues(a: RecordValues, b: RecordValues): RecordValues {
  const merged: RecordValues = { ...a };
  for (const [type, value] of Object.entries(b) as Array<[RecordType, number]>) {
    if (beats(value, merged[type])) {
      merged[type] = value;
    }
  }

  return merged;
}

/** The records these sets set against the best values before them. */
export function detectRecords(
  kind: ExerciseKind,
  previous: RecordValues,
  sets: readonly SetValues[],
): NewRecord[] {
  const bests = bestOf(kind, sets);

  return recordTypesFor(kind).flatMap((type) => {
    const best = bests[type];
    if (!best || !beats(best.value, previous[type])) {
      return [];
    }

    return [{ type, value: best.value, setIndex: best.setIndex, previous: previous[type] ?? null }];
  });
}
