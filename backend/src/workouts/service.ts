import { notFound } from '../lib/errors';
import { DEFAULT_PAGE_SIZE, toPage, type Page, type PageQuery } from '../lib/pagination';
import { WorkoutModel, type WorkoutDocument } from './model';

export interface WorkoutSetInput {
  reps: number;
  weight: number;
}

export interface WorkoutInput {
  date: string;
  notes?: string;
  exercises: Array<{ name: string; sets: WorkoutSetInput[] }>;
}

/** Returns the user's workout or throws NOT_FOUND, also for another user's workout. */
export async function getWorkout(userId: string, workoutId: string): Promise<WorkoutDocument> {
  const workout = await WorkoutModel.findOne({ _id: workoutId, userId });
  if (!workout) {
    throw notFound('Workout');
  }

  return workout;
}

/** Workouts newest first (by local date, then creation), a page at a time. */
export async function findWorkouts(
  userId: string,
  { limit = DEFAULT_PAGE_SIZE, cursor }: PageQuery,
): Promise<Page<WorkoutDocument>> {
  const filter: Record<string, unknown> = { userId };
  if (cursor) {
    const after = await WorkoutModel.findOne({ _id: cursor, userId }, { date: 1 });
    if (after) {
      filter.$or = [{ date: { $lt: after.date } }, { date: after.date, _id: { $lt: after._id } }];
    }
  }

  const rows = await WorkoutModel.find(filter)
    .sort({ date: -1, _id: -1 })
    .limit(limit + 1);

  return toPage(rows, limit);
}

export async function createWorkout(userId: string, input: WorkoutInput): Promise<WorkoutDocument> {
  return WorkoutModel.create({ ...input, userId });
}

/** Replaces the given fields; `exercises`, when given, replaces the whole list. */
export async function updateWorkout(
  userId: string,
  workoutId: string,
  changes: Partial<WorkoutInput>,
): Promise<WorkoutDocument> {
  const workout = await getWorkout(userId, workoutId);
  workout.set(changes);
  await workout.save();

  return workout;
}

export async function deleteWorkout(userId: string, workoutId: string): Promise<void> {
  const workout = await getWorkout(userId, workoutId);
  await workout.deleteOne();
}
