import type { Types } from 'mongoose';

import type { ExerciseKind } from '../exercises/kinds';
import type { ExerciseDocument } from '../exercises/model';
import { findExercisesByIds } from '../exercises/service';
import { validationFailed, type FieldError } from '../lib/errors';
import type { SetType, SetValues } from './records';
import { checkSetForKind, checkSupersets } from './set-rules';
import { toKg, type WeightUnit } from './units';

export interface SetInput {
  type?: SetType;
  reps?: number | null;
  /** In the unit of the request. */
  weight?: number | null;
  rpe?: number | null;
  durationSeconds?: number | null;
  distanceMeters?: number | null;
}

export interface ExerciseEntryInput {
  exerciseId: string;
  supersetGroup?: number | null;
  notes?: string;
  sets: SetInput[];
}

export interface StoredSet extends SetValues {
  rpe: number | null;
}

export interface ExerciseEntry {
  exerciseId: Types.ObjectId | string;
  name: string;
  kind: ExerciseKind;
  supersetGroup: number | null;
  notes: string;
  sets: StoredSet[];
}

interface BuildOptions {
  unit: WeightUnit;
  /** Routine sets are targets: no value is required, but values the kind does not use are refused. */
  isTarget?: boolean;
}

/**
 * Turns the exercises of a request into stored entries: resolves each exercise (the catalog's or the
 * user's own), checks each set against the exercise's kind and the supersets' layout, and converts
 * weights to kilograms. Throws VALIDATION_FAILED naming every bad field; writes nothing.
 */
export async function buildExerciseEntries(
  userId: string,
  inputs: readonly ExerciseEntryInput[],
  options: BuildOptions,
): Promise<ExerciseEntry[]> {
  const exercises = await findExercisesByIds(
    userId,
    inputs.map((input) => input.exerciseId),
  );

  return entriesOf(exercises, inputs, options);
}

/**
 * The same as `buildExerciseEntries`, with the exercises (the user's and the catalog's, by id)
 * already loaded: an import checks many workouts with one query. Throws VALIDATION_FAILED.
 */
export function entriesOf(
  exercises: ReadonlyMap<string, ExerciseDocument>,
  inputs: readonly ExerciseEntryInput[],
  { unit, isTarget = false }: BuildOptions,
): ExerciseEntry[] {
  const errors: FieldError[] = checkSupersets(inputs.map((input) => input.supersetGroup));

  const entries = inputs.map((input, index): ExerciseEntry => {
    const exercise = exercises.get(input.exerciseId);
    if (!exercise) {
      errors.push({ field: `exercises[${index}].exerciseId`, message: 'Unknown exercise' });
    }
    const kind = exercise?.kind ?? 'weight_reps';
    input.sets.forEach((set, setIndex) => {
      const path = `exercises[${index}].sets[${setIndex}]`;
      errors.push(...checkSetForKind(kind, set, path, { isTarget }));
    });

    return {
      exerciseId: input.exerciseId,
      name: exercise?.name ?? '',
      kind,
      supersetGroup: input.supersetGroup ?? null,
      notes: input.notes ?? '',
      sets: input.sets.map((set) => toStoredSet(set, unit)),
    };
  });
  if (errors.length > 0) {
    throw validationFailed(errors);
  }

  return entries;
}

function toStoredSet(set: SetInput, unit: WeightUnit): StoredSet {
  return {
    type: set.type ?? 'normal',
    reps: set.reps ?? null,
    weightKg: set.weight === undefined || set.weight === null ? null : toKg(set.weight, unit),
    rpe: set.rpe ?? null,
    durationSeconds: set.durationSeconds ?? null,
    distanceMeters: set.distanceMeters ?? null,
  };
}

type Maybe<T> = T | null | undefined;

interface SetLike {
  type: SetType;
  reps?: Maybe<number>;
  weightKg?: Maybe<number>;
  rpe?: Maybe<number>;
  durationSeconds?: Maybe<number>;
  distanceMeters?: Maybe<number>;
}

interface EntryLike {
  exerciseId: Types.ObjectId;
  name: string;
  kind: ExerciseKind;
  supersetGroup?: Maybe<number>;
  notes: string;
  sets: SetLike[];
}

/** A stored set as a plain object, every absent value null. */
export function storedSetOf(set: SetLike): StoredSet {
  return {
    type: set.type,
    reps: set.reps ?? null,
    weightKg: set.weightKg ?? null,
    rpe: set.rpe ?? null,
    durationSeconds: set.durationSeconds ?? null,
    distanceMeters: set.distanceMeters ?? null,
  };
}

/** A stored exercise entry (of a workout or routine) as a plain object. */
export function entryOf(entry: EntryLike): ExerciseEntry {
  return {
    exerciseId: entry.exerciseId,
    name: entry.name,
    kind: entry.kind,
    supersetGroup: entry.supersetGroup ?? null,
    notes: entry.notes,
    sets: entry.sets.map(storedSetOf),
  };
}
