import type { WorkoutDocument } from './model';

export function presentWorkout(workout: WorkoutDocument) {
  return {
    id: workout.id,
    date: workout.date,
    notes: workout.notes,
    exercises: workout.exercises.map((exercise) => ({
      name: exercise.name,
      sets: exercise.sets.map((set) => ({ reps: set.reps, weight: set.weight })),
    })),
    createdAt: workout.createdAt.toISOString(),
    updatedAt: workout.updatedAt.toISOString(),
  };
}
