import { api } from '@/lib/api';
import type { Workout, WorkoutInput } from './types';

export const WORKOUTS_PATH = '/workouts';

export function workoutPath(workoutId: string): string {
  return `${WORKOUTS_PATH}/${encodeURIComponent(workoutId)}`;
}

export async function createWorkout(input: WorkoutInput): Promise<Workout> {
  const response = await api.post<Workout>(WORKOUTS_PATH, input);
  return response.data;
}

export async function deleteWorkout(workoutId: string): Promise<void> {
  await api.delete(workoutPath(workoutId));
}
