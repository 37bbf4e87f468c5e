import { randomUUID } from 'node:crypto';

import { Types } from 'mongoose';

import { markWorkoutDay, markWorkoutDays, unmarkWorkoutDay } from '../habits/service';
import { notFound, validationFailed, type FieldError } from '../lib/errors';
import { DEFAULT_PAGE_SIZE, toPage, type Page, type PageQuery } from '../lib/pagination';
import { EARLIEST_DATE, isOnOrAfterEarliest, latestRecordableDate, localDateIn } from '../lib/time';
import { isRoutineOf } from '../routines/service';
import { getUser } from '../users/service';
import { startedBeforeCursor } from './cursor';
import { findExercisesByIds } from '../exercises/service';
import { AppError } from '../lib/errors';
import {
  buildExerciseEntries,
  entriesOf,
  entryOf,
  type ExerciseEntry,
  type ExerciseEntryInput,
} from './entries';
import { WorkoutModel, type WorkoutDocument } from './model';
import { volumeKg } from './records';
import type { WeightUnit } from './units';

const MAX_WORKOUT_HOURS = 24;
// A phone's clock may run ahead of the server's, or sit a time zone further east.
const MAX_FUTURE_HOURS = 36;
// For the same reasons a workout's local day may be the day after the user's today (in the zone
// of their profile, which a traveller may not have changed), but no later (MAX_DAYS_AHEAD in
// lib/time): a gym log records what was done; plans are routines.
const HOUR_MS = 3600 * 1000;

export interface WorkoutInput {
  clientId?: string;
  /** ISO 8601 with an offset. */
  startedAt: string;
  endedAt?: string | null;
  /** The local day; by default the day of `startedAt` in the user's time zone. */
  date?: string;
  /** The unit of every weight in the request; by default the user's. */
  unit?: WeightUnit;
  notes?: string;
  routineId?: string | null;
  exercises: ExerciseEntryInput[];
}

export type WorkoutChanges = Partial<Omit<WorkoutInput, 'clientId'>>;

/** Returns the user's workout or throws NOT_FOUND, also for another user's workout. */
export async function getWorkout(userId: string, workoutId: string): Promise<WorkoutDocument> {
  const workout = await WorkoutModel.findOne({ _id: workoutId, userId });
  if (!workout) {
    throw notFound('Workout');
  }

  return workout;
}

/** Workouts newest first (by start, then creation), a page at a time. */
export async function findWorkouts(
  userId: string,
  { limit = DEFAULT_PAGE_SIZE, cursor }: PageQuery,
): Promise<Page<WorkoutDocument>> {
  const filter = { userId, ...(await startedBeforeCursor(userId, cursor)) };
  const rows = await WorkoutModel.find(filter)
    .sort({ startedAt: -1, _id: -1 })
    .limit(limit + 1);

  return toPage(rows, limit);
}

/**
 * Logs a finished workout and marks the user's workout-linked habits done for its local day.
 * Idempotent by `clientId`: the same workout sent again answers the saved one
 * (`created: false`), and marks its day again in case the first attempt failed before doing so.
 * Throws VALIDATION_FAILED, writing nothing, for any bad field, including a day more than one
 * day after the user's today.
 */
export async function createWorkout(
  userId: string,
  input: WorkoutInput,
): Promise<{ workout: WorkoutDocument; created: boolean }> {
  const user = await getUser(userId);
  const saved = input.clientId ? await findByClientId(userId, input.clientId) : null;
  if (saved) {
    await markWorkoutDay(userId, saved.date);
    return { workout: saved, created: false };
  }

  const startedAt = new Date(input.startedAt);
  const endedAt = input.endedAt ? new Date(input.endedAt) : null;
  const date = input.date ?? localDateIn(user.timezone, startedAt);
  assertTimes(startedAt, endedAt);
  assertDay(date, { timeZone: user.timezone, field: input.date ? 'date' : 'startedAt' });
  await assertRoutine(userId, input.routineId);
  const exercises = await buildExerciseEntries(userId, input.exercises, {
    unit: input.unit ?? user.unit,
  });

  const workout = await insertWorkout(userId, {
    clientId: input.clientId ?? randomUUID(),
    date,
    startedAt,
    endedAt,
    notes: input.notes ?? '',
    routineId: input.routineId ?? null,
    exercises,
    volumeKg: totalVolumeKg(exercises),
  });
  if (!workout.created) {
    return workout;
  }

  // The day was checked before saving, and marking it refuses nothing: a saved workout is never
  // answered with a 4xx.
  await markWorkoutDay(userId, workout.workout.date);

  return workout;
}

/** Changes the given fields; `exercises`, when given, replaces the whole list. */
export async function updateWorkout(
  userId: string,
  workoutId: string,
  changes: WorkoutChanges,
): Promise<WorkoutDocument> {
  const user = await getUser(userId);
  const workout = await getWorkout(userId, workoutId);
  const previousDate = workout.date;

  const startedAt = changes.startedAt ? new Date(changes.startedAt) : workout.startedAt;
  const endedAt =
    changes.endedAt === undefined ? (workout.endedAt ?? null) : toDateOrNull(changes.endedAt);
  const date =
    changes.date ?? (changes.startedAt ? localDateIn(user.timezone, startedAt) : workout.date);
  assertTimes(startedAt, endedAt);
  // A day kept as it was is not checked again: it may lie ahead after the user moved west.
  if (date !== previousDate) {
    assertDay(date, { timeZone: user.timezone, field: changes.date ? 'date' : 'startedAt' });
  }
  await assertRoutine(userId, changes.routineId);
  const exercises = changes.exercises
    ? await buildExerciseEntries(userId, changes.exercises, { unit: changes.unit ?? user.unit })
    : undefined;

  workout.set({
    startedAt,
    endedAt,
    date,
    ...(changes.notes === undefined ? {} : { notes: changes.notes }),
    ...(changes.routineId === undefined ? {} : { routineId: changes.routineId }),
    ...(exercises ? { exercises, volumeKg: totalVolumeKg(exercises) } : {}),
  });
  await workout.save();

  if (workout.date !== previousDate) {
    await markWorkoutDay(userId, workout.date);
    await unmarkLinkedHabits(userId, previousDate);
  }

  return workout;
}

/** Deletes the workout; its day stops counting for linked habits unless another workout remains. */
export async function deleteWorkout(userId: string, workoutId: string): Promise<void> {
  const workout = await getWorkout(userId, workoutId);
  await workout.deleteOne();
  await unmarkLinkedHabits(userId, workout.date);
}

export type ImportOutcome = 'created' | 'existing' | { refused: FieldError[] };

/**
 * Logs many finished workouts at once (an import), each by the rules `createWorkout` applies, with
 * one query for their exercises and one insert: a workout whose `clientId` exists is left as it is
 * (`existing`), one that breaks a rule is not written (`refused`, naming the fields). Marks the
 * user's workout-linked habits done for the days of the new ones. Every input needs a clientId.
 */
export async function importWorkouts(
  userId: string,
  inputs: ReadonlyArray<WorkoutInput & { clientId: string }>,
): Promise<ImportOutcome[]> {
  const user = await getUser(userId);
  const exerciseIds = inputs.flatMap((input) => input.exercises.map((item) => item.exerciseId));
  const exercises = await findExercisesByIds(userId, exerciseIds);
  const outcomes: ImportOutcome[] = [];
  const documents: Array<Record<string, unknown>> = [];
  const positions: number[] = [];

  for (const [index, input] of inputs.entries()) {
    try {
      const startedAt = new Date(input.startedAt);
      const endedAt = input.endedAt ? new Date(input.endedAt) : null;
      assertTimes(startedAt, endedAt);
      await assertRoutine(userId, input.routineId);
      const entries = entriesOf(exercises, input.exercises, { unit: input.unit ?? user.unit });
      documents.push({
        userId,
        clientId: input.clientId,
        date: input.date ?? localDateIn(user.timezone, startedAt),
        startedAt,
        endedAt,
        notes: input.notes ?? '',
        routineId: input.routineId ?? null,
        exercises: entries,
        volumeKg: totalVolumeKg(entries),
      });
      positions.push(index);
      outcomes.push('created');
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') {
        throw error;
      }
      outcomes.push({ refused: error.details ?? [] });
    }
  }

  for (const duplicate of await insertNew(documents)) {
    outcomes[positions[duplicate]!] = 'existing';
  }
  const dates = new Set(
    documents.filter((_doc, at) => outcomes[positions[at]!] === 'created').map((doc) => doc.date),
  );
  await markWorkoutDays(userId, [...dates] as string[]);

  return outcomes;
}

/** Inserts the documents; returns the indexes refused as duplicates (the same clientId). */
async function insertNew(documents: Array<Record<string, unknown>>): Promise<number[]> {
  if (documents.length === 0) {
    return [];
  }
  try {
    await WorkoutModel.insertMany(documents, { ordered: false });

    return [];
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ code?: number; index?: number }> })
      .writeErrors;
    if (!writeErrors || writeErrors.some((item) => item.code !== 11000)) {
      throw error;
    }

    return writeErrors.map((item) => item.index ?? -1);
  }
}

function totalVolumeKg(exercises: readonly ExerciseEntry[]): number {
  return exercises.reduce((total, entry) => total + volumeKg(entry.kind, entry.sets), 0);
}

function toDateOrNull(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

function assertTimes(startedAt: Date, endedAt: Date | null): void {
  const errors: FieldError[] = [];
  if (startedAt.getTime() > Date.now() + MAX_FUTURE_HOURS * HOUR_MS) {
    errors.push({ field: 'startedAt', message: 'Must not be in the future' });
  }
  if (endedAt && endedAt < startedAt) {
    errors.push({ field: 'endedAt', message: 'Must not be before startedAt' });
  }
  if (endedAt && endedAt.getTime() - startedAt.getTime() > MAX_WORKOUT_HOURS * HOUR_MS) {
    errors.push({
      field: 'endedAt',
      message: `A workout lasts at most ${MAX_WORKOUT_HOURS} hours`,
    });
  }
  if (errors.length > 0) {
    throw validationFailed(errors);
  }
}

/**
 * Refuses a local day before EARLIEST_DATE or more than MAX_DAYS_AHEAD after the user's today,
 * naming `field`.
 */
function assertDay(date: string, { timeZone, field }: { timeZone: string; field: string }): void {
  if (!isOnOrAfterEarliest(date)) {
    throw validationFailed([
      { field, message: `The workout's day must not be before ${EARLIEST_DATE}` },
    ]);
  }
  const latest = latestRecordableDate(timeZone);
  if (date > latest) {
    const message = `The workout's day (${date}) must not be after ${latest}, the day after today in ${timeZone}`;
    throw validationFailed([{ field, message }]);
  }
}

async function assertRoutine(userId: string, routineId: string | null | undefined) {
  if (routineId && !(await isRoutineOf(userId, routineId))) {
    throw validationFailed([{ field: 'routineId', message: 'Unknown routine' }]);
  }
}

async function findByClientId(userId: string, clientId: string) {
  return WorkoutModel.findOne({ userId, clientId });
}

async function insertWorkout(
  userId: string,
  fields: Omit<Parameters<typeof WorkoutModel.create>[0], 'userId'>,
): Promise<{ workout: WorkoutDocument; created: boolean }> {
  try {
    return { workout: await WorkoutModel.create({ ...fields, userId }), created: true };
  } catch (error) {
    // The same clientId raced in from a second request: answer the one that won.
    const saved = isDuplicateKey(error)
      ? await findByClientId(userId, String(fields.clientId))
      : null;
    if (!saved) {
      throw error;
    }

    return { workout: saved, created: false };
  }
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

// Only when no other workout remains that day, and only the marks workouts made: a day the user
// recorded by hand stays.
async function unmarkLinkedHabits(userId: string, date: string): Promise<void> {
  if (await WorkoutModel.exists({ userId, date })) {
    return;
  }
  await unmarkWorkoutDay(userId, date);
  // A workout saved on that day meanwhile (from another tab) may have found the mark still there
  // and left it: mark the day again for it.
  if (await WorkoutModel.exists({ userId, date })) {
    await markWorkoutDay(userId, date);
  }
}

/** The user's workouts whose local day lies from `from` to `to` (both included). */
export async function findWorkoutsBetween(
  userId: string,
  { from, to }: { from: string; to: string },
): Promise<Array<{ date: string; exercises: ExerciseEntry[] }>> {
  const workouts = await WorkoutModel.find(
    { userId, date: { $gte: from, $lte: to } },
    { date: 1, exercises: 1 },
  );

  return workouts.map((workout) => ({
    date: workout.date,
    exercises: workout.exercises.map(entryOf),
  }));
}

/** How many workouts the user logged, and their total volume in kilograms. */
export async function sumWorkouts(userId: string): Promise<{ workouts: number; volumeKg: number }> {
  // One accumulator per $group: FerretDB v1.24.2 answers 0 for every accumulator after the first
  // (seen with two $sum in one $group). Aggregate does not cast, so the id is cast here.
  const [workouts, [volume]] = await Promise.all([
    WorkoutModel.countDocuments({ userId }),
    WorkoutModel.aggregate<{ volumeKg: number }>([
      { $match: { userId: new Types.ObjectId(userId) } },
      { $group: { _id: null, volumeKg: { $sum: '$volumeKg' } } },
    ]),
  ]);

  return { workouts, volumeKg: volume?.volumeKg ?? 0 };
}

/** Which of the client ids the user's workouts already have. */
export async function findTakenClientIds(
  userId: string,
  clientIds: readonly string[],
): Promise<Set<string>> {
  if (clientIds.length === 0) {
    return new Set();
  }
  const rows = await WorkoutModel.find(
    { userId, clientId: { $in: [...clientIds] } },
    { clientId: 1 },
  ).lean();

  return new Set(rows.map((row) => row.clientId));
}

/** Every workout of the user, oldest start first, read lazily. */
export function streamWorkouts(userId: string): AsyncIterable<WorkoutDocument> {
  return WorkoutModel.find({ userId }).sort({ startedAt: 1, _id: 1 }).cursor();
}

/** Deletes every workout of the user (account deletion). */
export async function deleteAllWorkouts(userId: string): Promise<void> {
  await WorkoutModel.deleteMany({ userId });
}
