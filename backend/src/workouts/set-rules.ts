// Which values a set carries for each kind of exercise, and how supersets are laid out. Pure: the
// service runs these after it has loaded the exercises, because the kind comes from the exercise.
import type { ExerciseKind } from '../exercises/kinds';
import type { FieldError } from '../lib/errors';

export const SET_FIELDS = ['reps', 'weight', 'rpe', 'durationSeconds', 'distanceMeters'] as const;
export type SetField = (typeof SET_FIELDS)[number];

export type SetFieldValues = Partial<Record<SetField, number | null>>;

interface KindFields {
  /** Needed in every logged set (routines give targets, so there nothing is needed). */
  required: readonly SetField[];
  allowed: readonly SetField[];
  label: string;
}

export const FIELDS_BY_KIND: Record<ExerciseKind, KindFields> = {
  weight_reps: {
    required: ['reps', 'weight'],
    allowed: ['reps', 'weight', 'rpe'],
    label: 'weight and reps exercises',
  },
  bodyweight_reps: {
    required: ['reps'],
    allowed: ['reps', 'rpe'],
    label: 'bodyweight exercises',
  },
  weighted_bodyweight: {
    required: ['reps', 'weight'],
    allowed: ['reps', 'weight', 'rpe'],
    label: 'weighted bodyweight exercises (the weight is the added load)',
  },
  assisted_bodyweight: {
    required: ['reps', 'weight'],
    allowed: ['reps', 'weight', 'rpe'],
    label: 'assisted bodyweight exercises (the weight is the assistance)',
  },
  duration: {
    required: ['durationSeconds'],
    allowed: ['durationSeconds', 'weight', 'rpe'],
    label: 'timed exercises',
  },
  distance_duration: {
    required: ['distanceMeters'],
    // A weight for loaded carries and sled pushes.
    allowed: ['distanceMeters', 'durationSeconds', 'weight', 'rpe'],
    label: 'distance exercises',
  },
};

/** The problems of one set for the exercise's kind; `path` names the set (`exercises[0].sets[1]`). */
export function checkSetForKind(
  kind: ExerciseKind,
  set: SetFieldValues,
  path: string,
  { isTarget = false } = {},
): FieldError[] {
  const rules = FIELDS_BY_KIND[kind];
  const errors: FieldError[] = [];
  for (const field of SET_FIELDS) {
    const value = set[field];
    const isGiven = value !== undefined && value !== null;
    if (isGiven && !rules.allowed.includes(field)) {
      errors.push({ field: `${path}.${field}`, message: `Not used by ${rules.label}` });
    }
    if (!isGiven && !isTarget && rules.required.includes(field)) {
      errors.push({ field: `${path}.${field}`, message: `Required for ${rules.label}` });
    }
  }

  return errors;
}

/**
 * Supersets: exercises sharing a `supersetGroup` number are done back to back, so they must follow
 * one another in the list, and a superset needs at least two exercises.
 */
export function checkSupersets(groups: ReadonlyArray<number | null | undefined>): FieldError[] {
  const positions = new Map<number, number[]>();
  groups.forEach((group, index) => {
    if (group !== null && group !== undefined) {
      positions.set(group, [...(positions.get(group) ?? []), index]);
    }
  });

  const errors: FieldError[] = [];
  for (const indexes of positions.values()) {
    const first = indexes[0] as number;
    const last = indexes[indexes.length - 1] as number;
    if (indexes.length < 2) {
      errors.push({
        field: `exercises[${first}].supersetGroup`,
        message: 'A superset needs at least two exercises',
      });
    } else if (last - first + 1 !== indexes.length) {
      errors.push({
        field: `exercises[${last}].supersetGroup`,
        message: 'The exercises of a superset must follow one another',
      });
    }
  }

  return errors;
}
