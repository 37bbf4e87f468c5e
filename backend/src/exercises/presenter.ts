import type { ExerciseDocument } from './model';

export function presentExercise(exercise: ExerciseDocument) {
  return {
    id: exercise.id,
    name: exercise.name,
    primaryMuscles: exercise.primaryMuscles,
    secondaryMuscles: exercise.secondaryMuscles,
    equipment: exercise.equipment,
    kind: exercise.kind,
    isCustom: exercise.ownerId !== null,
    archived: exercise.archivedAt !== null,
  };
}

export type ExerciseView = ReturnType<typeof presentExercise>;
