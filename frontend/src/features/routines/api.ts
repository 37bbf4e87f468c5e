import { api } from '@/lib/api';
import type { Routine, RoutineInput } from '@/features/workouts/types';

export const ROUTINES_PATH = '/routines';

export function routinePath(routineId: string): string {
  return `${ROUTINES_PATH}/${encodeURIComponent(routineId)}`;
}

export async function createRoutine(input: RoutineInput): Promise<Routine> {
  const response = await api.post<Routine>(ROUTINES_PATH, input);
  return response.data;
}

export async function updateRoutine(routineId: string, input: RoutineInput): Promise<Routine> {
  const response = await api.patch<Routine>(routinePath(routineId), input);
  return response.data;
}

export async function deleteRoutine(routineId: string): Promise<void> {
  await api.delete(routinePath(routineId));
}

/** Saves a finished workout's exercises, with its sets as targets, as a new routine. */
export async function createRoutineFromWorkout(workoutId: string, name: string): Promise<Routine> {
  const response = await api.post<Routine>(`${ROUTINES_PATH}/from-workout`, { workoutId, name });
  return response.data;
}
