import { isValidObjectId } from 'mongoose';

import { notFound } from '../lib/errors';
import { DEFAULT_PAGE_SIZE, toPage, type Page, type PageQuery } from '../lib/pagination';
import { getUser } from '../users/service';
import {
  buildExerciseEntries,
  type ExerciseEntry,
  type ExerciseEntryInput,
} from '../workouts/entries';
import type { WeightUnit } from '../workouts/units';
import { RoutineModel, type RoutineDocument } from './model';

export interface RoutineInput {
  name: string;
  notes?: string;
  /** The unit of the target weights; by default the user's. */
  unit?: WeightUnit;
  exercises: ExerciseEntryInput[];
}

/** Returns the user's routine or throws NOT_FOUND, also for another user's routine. */
export async function getRoutine(userId: string, routineId: string): Promise<RoutineDocument> {
  const routine = await RoutineModel.findOne({ _id: routineId, userId });
  if (!routine) {
    throw notFound('Routine');
  }

  return routine;
}

/** Whether the id names one of the user's routines. */
export async function isRoutineOf(userId: string, routineId: string): Promise<boolean> {
  return (
    isValidObjectId(routineId) && (await RoutineModel.exists({ _id: routineId, userId })) !== null
  );
}

/** Routines oldest first, a page at a time. */
export async function findRoutines(
  userId: string,
  { limit = DEFAULT_PAGE_SIZE, cursor }: PageQuery,
): Promise<Page<RoutineDocument>> {
  const filter = cursor ? { userId, _id: { $gt: cursor } } : { userId };
  const rows = await RoutineModel.find(filter)
    .sort({ _id: 1 })
    .limit(limit + 1);

  return toPage(rows, limit);
}

/** Creates a routine; VALIDATION_FAILED names any unknown exercise or misfit target. */
export async function createRoutine(userId: string, input: RoutineInput): Promise<RoutineDocument> {
  const exercises = await buildTargets(userId, input.exercises, input.unit);

  return RoutineModel.create({ userId, name: input.name, notes: input.notes ?? '', exercises });
}

/** Saves exercises already checked elsewhere (a finished workout's) as a new routine. */
export async function createRoutineFromEntries(
  userId: string,
  { name, exercises }: { name: string; exercises: ExerciseEntry[] },
): Promise<RoutineDocument> {
  return RoutineModel.create({ userId, name, exercises });
}

/** Changes the given fields; `exercises`, when given, replaces the whole list. */
export async function updateRoutine(
  userId: string,
  routineId: string,
  changes: Partial<RoutineInput>,
): Promise<RoutineDocument> {
  const routine = await getRoutine(userId, routineId);
  const exercises = changes.exercises
    ? await buildTargets(userId, changes.exercises, changes.unit)
    : undefined;

  routine.set({
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.notes === undefined ? {} : { notes: changes.notes }),
    ...(exercises ? { exercises } : {}),
  });
  await routine.save();

  return routine;
}

/** Deletes the routine; workouts started from it keep their sets. */
export async function deleteRoutine(userId: string, routineId: string): Promise<void> {
  const routine = await getRoutine(userId, routineId);
  await routine.deleteOne();
}

async function buildTargets(
  userId: string,
  exercises: readonly ExerciseEntryInput[],
  unit: WeightUnit | undefined,
): Promise<ExerciseEntry[]> {
  const resolvedUnit = unit ?? (await getUser(userId)).unit;

  return buildExerciseEntries(userId, exercises, { unit: resolvedUnit, isTarget: true });
}

/** Every routine of the user, oldest first, read lazily. */
export function streamRoutines(userId: string): AsyncIterable<RoutineDocument> {
  return RoutineModel.find({ userId }).sort({ _id: 1 }).cursor();
}

/** Deletes every routine of the user (account deletion). */
export async function deleteAllRoutines(userId: string): Promise<void> {
  await RoutineModel.deleteMany({ userId });
}
