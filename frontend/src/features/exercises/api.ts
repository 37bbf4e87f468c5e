import { api } from '@/lib/api';
import type {
  Exercise,
  ExerciseKind,
  RecordType,
  WeightUnit,
  WorkoutSet,
} from '@/features/workouts/types';

export const EXERCISES_PATH = '/exercises';
export const EXERCISE_OPTIONS_PATH = '/exercises/options';

export type ExerciseFilters = { q?: string; muscle?: string; equipment?: string; scope?: string };

export type ExerciseOptions = { muscles: string[]; equipment: string[]; kinds: ExerciseKind[] };

export type ExerciseInput = {
  name: string;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  equipment: string;
  kind: ExerciseKind;
};

export type HistoryEntry = {
  workoutId: string;
  date: string;
  startedAt: string;
  sets: WorkoutSet[];
  bests: Partial<Record<RecordType, number>>;
  volume: number;
};

export type ExerciseHistory = {
  exercise: Exercise;
  unit: WeightUnit;
  items: HistoryEntry[];
  nextCursor: string | null;
};

export type ExerciseRecords = {
  exercise: Exercise;
  unit: WeightUnit;
  records: Array<{ type: RecordType; value: number; workoutId: string; date: string }>;
};

/** The SWR key of one page of exercises matching the filters. */
export function exercisesPath(filters: ExerciseFilters, limit = 30): string {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [name, value] of Object.entries(filters)) {
    if (value) {
      params.set(name, value);
    }
  }
  return `${EXERCISES_PATH}?${params.toString()}`;
}

export function exerciseHistoryPath(exerciseId: string, limit: number): string {
  return `${EXERCISES_PATH}/${encodeURIComponent(exerciseId)}/history?limit=${limit}`;
}

export function exerciseRecordsPath(exerciseId: string): string {
  return `${EXERCISES_PATH}/${encodeURIComponent(exerciseId)}/records`;
}

export async function createExercise(input: ExerciseInput): Promise<Exercise> {
  const response = await api.post<Exercise>(EXERCISES_PATH, input);
  return response.data;
}

export async function archiveExercise(exerciseId: string): Promise<void> {
  await api.delete(`${EXERCISES_PATH}/${encodeURIComponent(exerciseId)}`);
}
