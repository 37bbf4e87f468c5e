// What the logged workouts say about one exercise: its history, its records, and the records a
// workout set. Computed in TypeScript from per-exercise queries (FerretDB has no $max), with the
// rules of records.ts; nothing here is stored, so editing or deleting a workout never leaves a
// stale record behind.
import type { ExerciseKind } from '../exercises/kinds';
import { DEFAULT_PAGE_SIZE, toPage, type Page, type PageQuery } from '../lib/pagination';
import { startedBeforeCursor } from './cursor';
import { storedSetOf, type StoredSet } from './entries';
import { WorkoutModel, type WorkoutDocument } from './model';
import {
  bestValues,
  detectRecords,
  mergeBestValues,
  volumeKg,
  type RecordType,
  type RecordValues,
} from './records';

export interface ExerciseRef {
  id: string;
  kind: ExerciseKind;
}

/** Where a set sits in a workout. */
interface SetPlace {
  exerciseIndex: number;
  setIndex: number;
}

export interface WorkoutRecord extends SetPlace {
  exerciseId: string;
  exerciseName: string;
  type: RecordType;
  /** Kilograms for weight records, else reps, seconds or meters. */
  value: number;
  previous: number | null;
}

export interface HistoryEntry {
  workoutId: string;
  date: string;
  startedAt: Date;
  sets: StoredSet[];
  bests: RecordValues;
  volumeKg: number;
}

export interface ExerciseRecord {
  type: RecordType;
  value: number;
  workoutId: string;
  date: string;
  startedAt: Date;
}

type WorkoutLike = Pick<WorkoutDocument, 'exercises'>;

/** Every set of one exercise in a workout (it may appear more than once), with their places. */
function setsOf(
  workout: WorkoutLike,
  exerciseId: string,
): { sets: StoredSet[]; places: SetPlace[] } {
  const sets: StoredSet[] = [];
  const places: SetPlace[] = [];
  workout.exercises.forEach((entry, exerciseIndex) => {
    if (String(entry.exerciseId) !== exerciseId) {
      return;
    }
    entry.sets.forEach((set, setIndex) => {
      sets.push(storedSetOf(set));
      places.push({ exerciseIndex, setIndex });
    });
  });

  return { sets, places };
}

/** The records this workout set, against every workout of the user that started before it. */
export async function findWorkoutRecords(
  userId: string,
  workout: WorkoutDocument,
): Promise<WorkoutRecord[]> {
  const exercises = new Map<string, { kind: ExerciseKind; name: string }>();
  for (const entry of workout.exercises) {
    exercises.set(String(entry.exerciseId), { kind: entry.kind, name: entry.name });
  }
  const earlier = await WorkoutModel.find(
    {
      userId,
      'exercises.exerciseId': { $in: [...exercises.keys()] },
      $or: [
        { startedAt: { $lt: workout.startedAt } },
        { startedAt: workout.startedAt, _id: { $lt: workout._id } },
      ],
    },
    { exercises: 1 },
  );

  return [...exercises].flatMap(([exerciseId, { kind, name }]) => {
    const previous = earlier.reduce(
      (best, other) => mergeBestValues(best, bestValues(kind, setsOf(other, exerciseId).sets)),
      {},
    );
    const { sets, places } = setsOf(workout, exerciseId);

    return detectRecords(kind, previous, sets).map((record) => ({
      exerciseId,
      exerciseName: name,
      type: record.type,
      value: record.value,
      previous: record.previous,
      ...(places[record.setIndex] as SetPlace),
    }));
  });
}

/** The workouts in which the exercise was done, newest first, a page at a time. */
export async function findExerciseHistory(
  userId: string,
  exercise: ExerciseRef,
  { limit = DEFAULT_PAGE_SIZE, cursor }: PageQuery,
): Promise<Page<HistoryEntry & { id: string }>> {
  const filter = {
    userId,
    'exercises.exerciseId': exercise.id,
    ...(await startedBeforeCursor(userId, cursor)),
  };
  const rows = await WorkoutModel.find(filter)
    .sort({ startedAt: -1, _id: -1 })
    .limit(limit + 1);
  const entries = rows.map((workout) => {
    const { sets } = setsOf(workout, exercise.id);

    return {
      id: workout.id,
      workoutId: workout.id,
      date: workout.date,
      startedAt: workout.startedAt,
      sets,
      bests: bestValues(exercise.kind, sets),
      volumeKg: volumeKg(exercise.kind, sets),
    };
  });

  return toPage(entries, limit);
}

/** The exercise's current records, each with the workout that first reached it. */
export async function findExerciseRecords(
  userId: string,
  exercise: ExerciseRef,
): Promise<ExerciseRecord[]> {
  const workouts = await WorkoutModel.find(
    { userId, 'exercises.exerciseId': exercise.id },
    { exercises: 1, date: 1, startedAt: 1 },
  ).sort({ startedAt: 1, _id: 1 });

  const records = new Map<RecordType, ExerciseRecord>();
  for (const workout of workouts) {
    const current: RecordValues = {};
    for (const [type, record] of records) {
      current[type] = record.value;
    }
    for (const record of detectRecords(exercise.kind, current, setsOf(workout, exercise.id).sets)) {
      records.set(record.type, {
        type: record.type,
        value: record.value,
        workoutId: workout.id,
        date: workout.date,
        startedAt: workout.startedAt,
      });
    }
  }

  return [...records.values()];
}
