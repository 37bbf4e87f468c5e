// Weekly progress: pure, so the week boundaries and the sums are tested directly (summary.test.ts).
import type { ExerciseKind, Muscle } from '../exercises/kinds';
import { addDays } from '../lib/time';
import { volumeKg, type SetValues } from '../workouts/records';

export type WeekStart = 'monday' | 'sunday';

export interface WorkoutForProgress {
  date: string;
  exercises: ReadonlyArray<{ exerciseId: string; kind: ExerciseKind; sets: readonly SetValues[] }>;
}

export interface WeekSummary {
  /** The first day of the week, `YYYY-MM-DD`. */
  start: string;
  workouts: number;
  volumeKg: number;
  /** Each set's volume counts in full for every primary muscle of its exercise. */
  volumeKgByMuscle: Partial<Record<Muscle, number>>;
}

function dayOfWeek(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];

  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The first day of the calendar week holding `date`. */
export function weekStartOf(date: string, weekStart: WeekStart): string {
  const offset = (dayOfWeek(date) - (weekStart === 'monday' ? 1 : 0) + 7) % 7;

  return addDays(date, -offset);
}

/** The first days of the `count` weeks ending with the week of `lastDate`, oldest first. */
export function weekStarts(lastDate: string, count: number, weekStart: WeekStart): string[] {
  const last = weekStartOf(lastDate, weekStart);

  return Array.from({ length: count }, (_, index) => addDays(last, -7 * (count - 1 - index)));
}

/** Workouts, volume and volume per primary muscle for each of the weeks starting on `starts`. */
export function summarizeWeeks(
  starts: readonly string[],
  weekStart: WeekStart,
  workouts: readonly WorkoutForProgress[],
  primaryMusclesOf: ReadonlyMap<string, readonly Muscle[]>,
): WeekSummary[] {
  const weeks = new Map<string, WeekSummary>(
    starts.map((start) => [start, { start, workouts: 0, volumeKg: 0, volumeKgByMuscle: {} }]),
  );
  for (const workout of workouts) {
    const week = weeks.get(weekStartOf(workout.date, weekStart));
    if (!week) {
      continue;
    }
    week.workouts += 1;
    for (const entry of workout.exercises) {
      const volume = volumeKg(entry.kind, entry.sets);
      week.volumeKg += volume;
      for (const muscle of primaryMusclesOf.get(entry.exerciseId) ?? []) {
        if (volume > 0) {
          week.volumeKgByMuscle[muscle] = (week.volumeKgByMuscle[muscle] ?? 0) + volume;
        }
      }
    }
  }

  return [...weeks.values()];
}
