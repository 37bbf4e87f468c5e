import { formatCsvRow, type CsvValue } from '../imports/csv';
import type { ExportHabit, ExportWorkout } from './schema';

/*
 * CSV exports for spreadsheets: one row per habit day, and one row per workout set. Fields are
 * quoted by RFC 4180 (imports/csv.ts), so names with commas, quotes, line breaks or emoji keep
 * their columns. The JSON document, not these files, is what imports back without loss.
 */

export const HABITS_CSV_HEADER = [
  'Habit',
  'Kind',
  'Unit',
  'Archived',
  'Date',
  'Status',
  'Value',
  'Note',
] as const;

export const WORKOUTS_CSV_HEADER = [
  'Date',
  'Started At',
  'Ended At',
  'Workout Notes',
  'Exercise',
  'Superset',
  'Exercise Notes',
  'Set',
  'Set Type',
  'Reps',
  'Weight (kg)',
  'RPE',
  'Duration (s)',
  'Distance (m)',
] as const;

/** A habit's rows: one per completion, or one without a day for a habit with none. */
export function habitCsvRows(habit: ExportHabit): string[] {
  const lead: CsvValue[] = [habit.name, habit.kind, habit.target?.unit ?? '', habit.archived];
  if (habit.completions.length === 0) {
    return [formatCsvRow([...lead, '', '', '', ''])];
  }
  return habit.completions.map((completion) =>
    formatCsvRow([...lead, completion.date, completion.status, completion.value, completion.note]),
  );
}

/** A workout's rows: one per set; an exercise without sets, or a workout without exercises, one. */
export function workoutCsvRows(workout: ExportWorkout): string[] {
  const lead: CsvValue[] = [workout.date, workout.startedAt, workout.endedAt, workout.notes];
  if (workout.exercises.length === 0) {
    return [formatCsvRow([...lead, ...Array<CsvValue>(10).fill('')])];
  }
  return workout.exercises.flatMap((item) => {
    const exercise: CsvValue[] = [item.exercise.name, item.supersetGroup, item.notes];
    if (item.sets.length === 0) {
      return [formatCsvRow([...lead, ...exercise, ...Array<CsvValue>(7).fill('')])];
    }
    return item.sets.map((set, index) =>
      formatCsvRow([
        ...lead,
        ...exercise,
        index + 1,
        set.type,
        set.reps,
        set.weightKg,
        set.rpe,
        set.durationSeconds,
        set.distanceMeters,
      ]),
    );
  });
}

/** The habits CSV as text chunks, from habits read lazily. */
export async function* writeHabitsCsv(habits: AsyncIterable<ExportHabit>): AsyncGenerator<string> {
  yield formatCsvRow(HABITS_CSV_HEADER);
  for await (const habit of habits) {
    yield habitCsvRows(habit).join('');
  }
}

/** The workouts CSV as text chunks, from workouts read lazily. */
export async function* writeWorkoutsCsv(
  workouts: AsyncIterable<ExportWorkout>,
): AsyncGenerator<string> {
  yield formatCsvRow(WORKOUTS_CSV_HEADER);
  for await (const workout of workouts) {
    yield workoutCsvRows(workout).join('');
  }
}
