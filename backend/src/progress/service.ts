import type { Muscle } from '../exercises/kinds';
import { findExercisesByIds } from '../exercises/service';
import { addDays, localDateIn } from '../lib/time';
import { getUser } from '../users/service';
import { findWorkoutsBetween, sumWorkouts } from '../workouts/service';
import { summarizeWeeks, weekStarts, type WeekStart, type WeekSummary } from './summary';

export interface ProgressQuery {
  /** How many calendar weeks, ending with the week of `to`. */
  weeks?: number;
  /** The last day to count; by default today in the user's time zone. */
  to?: string;
}

export interface Progress {
  weekStart: WeekStart;
  weeks: WeekSummary[];
  totals: { workouts: number; volumeKg: number };
}

const DEFAULT_WEEKS = 12;

/** Workouts and volume per calendar week (the user's week start), and all-time totals. */
export async function getProgress(
  userId: string,
  { weeks = DEFAULT_WEEKS, to }: ProgressQuery,
): Promise<Progress> {
  const user = await getUser(userId);
  const lastDay = to ?? localDateIn(user.timezone);
  const weekStart = user.weekStart;
  const starts = weekStarts(lastDay, weeks, weekStart);

  const from = starts[0] as string;
  const [workouts, totals] = await Promise.all([
    findWorkoutsBetween(userId, { from, to: addDays(starts[starts.length - 1] as string, 6) }),
    sumWorkouts(userId),
  ]);
  const exerciseIds = workouts.flatMap((workout) =>
    workout.exercises.map((entry) => String(entry.exerciseId)),
  );
  const exercises = await findExercisesByIds(userId, exerciseIds);
  const primaryMuscles = new Map<string, Muscle[]>(
    [...exercises].map(([id, exercise]) => [id, exercise.primaryMuscles]),
  );

  const forSummary = workouts.map((workout) => ({
    date: workout.date,
    exercises: workout.exercises.map((entry) => ({
      ...entry,
      exerciseId: String(entry.exerciseId),
    })),
  }));

  return {
    weekStart,
    weeks: summarizeWeeks(starts, weekStart, forSummary, primaryMuscles),
    totals,
  };
}
