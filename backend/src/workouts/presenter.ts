import { storedSetOf, type StoredSet } from './entries';
import type { WorkoutDocument } from './model';
import type { ExerciseRecord, HistoryEntry, WorkoutRecord } from './performance';
import type { RecordType, RecordValues } from './records';
import { presentWeight, type WeightUnit } from './units';

const WEIGHT_RECORDS: ReadonlySet<RecordType> = new Set([
  'heaviestWeight',
  'bestOneRepMax',
  'bestSetVolume',
]);

/** A record's value as shown: weights in the user's unit, reps, seconds and meters as they are. */
export function presentRecordValue(type: RecordType, value: number, unit: WeightUnit): number {
  return WEIGHT_RECORDS.has(type) ? presentWeight(value, unit) : value;
}

export function presentSet(set: StoredSet, unit: WeightUnit) {
  return {
    type: set.type,
    reps: set.reps,
    weight: set.weightKg === null ? null : presentWeight(set.weightKg, unit),
    rpe: set.rpe,
    durationSeconds: set.durationSeconds,
    distanceMeters: set.distanceMeters,
  };
}

type EntryLike = WorkoutDocument['exercises'][number];

export function presentEntry(entry: EntryLike, unit: WeightUnit) {
  return {
    exerciseId: String(entry.exerciseId),
    name: entry.name,
    kind: entry.kind,
    supersetGroup: entry.supersetGroup ?? null,
    notes: entry.notes,
    sets: entry.sets.map((set) => presentSet(storedSetOf(set), unit)),
  };
}

export function presentWorkoutRecord(record: WorkoutRecord, unit: WeightUnit) {
  return {
    ...record,
    value: presentRecordValue(record.type, record.value, unit),
    previous:
      record.previous === null ? null : presentRecordValue(record.type, record.previous, unit),
  };
}

/** A workout in the user's unit; `records` only where they were computed (one workout's view). */
export function presentWorkout(
  workout: WorkoutDocument,
  unit: WeightUnit,
  records?: WorkoutRecord[],
) {
  return {
    id: workout.id,
    clientId: workout.clientId,
    date: workout.date,
    startedAt: workout.startedAt.toISOString(),
    endedAt: workout.endedAt ? workout.endedAt.toISOString() : null,
    notes: workout.notes,
    routineId: workout.routineId ? String(workout.routineId) : null,
    unit,
    volume: presentWeight(workout.volumeKg, unit),
    exercises: workout.exercises.map((entry) => presentEntry(entry, unit)),
    ...(records ? { records: records.map((record) => presentWorkoutRecord(record, unit)) } : {}),
    createdAt: workout.createdAt.toISOString(),
    updatedAt: workout.updatedAt.toISOString(),
  };
}

function presentBests(bests: RecordValues, unit: WeightUnit) {
  return Object.fromEntries(
    Object.entries(bests).map(([type, value]) => [
      type,
      presentRecordValue(type as RecordType, value, unit),
    ]),
  );
}

export function presentHistoryEntry(entry: HistoryEntry, unit: WeightUnit) {
  return {
    workoutId: entry.workoutId,
    date: entry.date,
    startedAt: entry.startedAt.toISOString(),
    sets: entry.sets.map((set) => presentSet(set, unit)),
    bests: presentBests(entry.bests, unit),
    volume: presentWeight(entry.volumeKg, unit),
  };
}

export function presentExerciseRecord(record: ExerciseRecord, unit: WeightUnit) {
  return {
    type: record.type,
    value: presentRecordValue(record.type, record.value, unit),
    workoutId: record.workoutId,
    date: record.date,
    startedAt: record.startedAt.toISOString(),
  };
}
