import type { BodyWeightDocument } from '../body-weights/model';
import type { ExerciseDocument } from '../exercises/model';
import type { CompletionDocument, HabitDocument } from '../habits/model';
import { schedulesOf } from '../habits/service';
import type { RoutineDocument } from '../routines/model';
import type { UserDocument } from '../users/model';
import type { ExerciseEntry } from '../workouts/entries';
import { entryOf } from '../workouts/entries';
import type { WorkoutDocument } from '../workouts/model';
import type {
  ExportAccount,
  ExportBodyWeight,
  ExportExercise,
  ExportHabit,
  ExportRoutine,
  ExportWorkout,
  ExportWorkoutExercise,
} from './schema';

/** Catalog exercise ids by their stable keys, the same on every instance. */
export type CatalogKeys = ReadonlyMap<string, string>;

export function exportAccount(user: UserDocument): ExportAccount {
  return {
    email: user.email,
    name: user.name,
    timezone: user.timezone,
    weekStart: user.weekStart,
    unit: user.unit,
    createdAt: user.createdAt.toISOString(),
  };
}

export function exportHabit(habit: HabitDocument, days: CompletionDocument[]): ExportHabit {
  return {
    id: habit.id,
    name: habit.name,
    description: habit.description,
    color: habit.color,
    icon: habit.icon,
    kind: habit.kind,
    target: habit.target
      ? { type: habit.target.type, value: habit.target.value, unit: habit.target.unit }
      : null,
    startDate: habit.startDate,
    schedules: schedulesOf(habit),
    reminderTime: habit.reminderTime ?? null,
    position: habit.position,
    archived: habit.archivedAt !== null,
    linkedToWorkouts: habit.linkedToWorkouts,
    completions: days.map((day) => ({
      date: day.date,
      status: day.status,
      value: day.value ?? null,
      note: day.note,
    })),
  };
}

export function exportExercise(exercise: ExerciseDocument): ExportExercise {
  return {
    id: exercise.id,
    name: exercise.name,
    primaryMuscles: [...exercise.primaryMuscles],
    secondaryMuscles: [...exercise.secondaryMuscles],
    equipment: exercise.equipment,
    kind: exercise.kind,
    archived: exercise.archivedAt !== null,
  };
}

function exportEntries(
  entries: ExerciseEntry[],
  catalogKeys: CatalogKeys,
): ExportWorkoutExercise[] {
  return entries.map((entry) => {
    const id = String(entry.exerciseId);
    const key = catalogKeys.get(id);

    return {
      exercise: key
        ? { source: 'catalog', id: key, name: entry.name }
        : { source: 'own', id, name: entry.name },
      supersetGroup: entry.supersetGroup,
      notes: entry.notes,
      sets: entry.sets.map((set) => ({
        type: set.type,
        reps: set.reps,
        weightKg: set.weightKg,
        rpe: set.rpe,
        durationSeconds: set.durationSeconds,
        distanceMeters: set.distanceMeters,
      })),
    };
  });
}

export function exportWorkout(workout: WorkoutDocument, catalogKeys: CatalogKeys): ExportWorkout {
  return {
    id: workout.id,
    date: workout.date,
    startedAt: workout.startedAt.toISOString(),
    endedAt: workout.endedAt ? workout.endedAt.toISOString() : null,
    notes: workout.notes,
    routineId: workout.routineId ? String(workout.routineId) : null,
    exercises: exportEntries(workout.exercises.map(entryOf), catalogKeys),
  };
}

export function exportRoutine(routine: RoutineDocument, catalogKeys: CatalogKeys): ExportRoutine {
  return {
    id: routine.id,
    name: routine.name,
    notes: routine.notes,
    exercises: exportEntries(routine.exercises.map(entryOf), catalogKeys),
  };
}

export function exportBodyWeight(entry: BodyWeightDocument): ExportBodyWeight {
  return { date: entry.date, weightKg: entry.weightKg };
}
