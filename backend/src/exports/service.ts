import { streamBodyWeights } from '../body-weights/service';
import { findCatalogExercises, streamOwnExercises } from '../exercises/service';
import { streamHabitsWithDays } from '../habits/service';
import { streamRoutines } from '../routines/service';
import { getUser } from '../users/service';
import { streamWorkouts } from '../workouts/service';
import type { ExportSource } from './json-writer';
import {
  exportAccount,
  exportBodyWeight,
  exportExercise,
  exportHabit,
  exportRoutine,
  exportWorkout,
  type CatalogKeys,
} from './presenter';
import type { ExportHabit, ExportWorkout } from './schema';

async function* mapEach<T, R>(items: AsyncIterable<T>, map: (item: T) => R): AsyncGenerator<R> {
  for await (const item of items) {
    yield map(item);
  }
}

/** Catalog exercise keys by id, to refer to catalog exercises by key in an export. */
export async function loadCatalogKeys(): Promise<CatalogKeys> {
  const catalog = await findCatalogExercises();

  return new Map(catalog.map((exercise) => [exercise.id, exercise.catalogKey ?? exercise.id]));
}

/** The user's habits as exported, one at a time. */
export function exportHabits(userId: string): AsyncGenerator<ExportHabit> {
  return mapEach(streamHabitsWithDays(userId), ({ habit, days }) => exportHabit(habit, days));
}

/** The user's workouts as exported, oldest first, one at a time. */
export async function exportWorkouts(userId: string): Promise<AsyncGenerator<ExportWorkout>> {
  const catalogKeys = await loadCatalogKeys();

  return mapEach(streamWorkouts(userId), (workout) => exportWorkout(workout, catalogKeys));
}

/**
 * Everything the user owns as the sections of the export document (exports/schema.ts), each read
 * lazily from the database while the document is written. Throws NOT_FOUND for a deleted user.
 */
export async function buildExport(userId: string): Promise<ExportSource> {
  const user = await getUser(userId);
  const catalogKeys = await loadCatalogKeys();

  return {
    exportedAt: new Date(),
    account: exportAccount(user),
    sections: {
      habits: exportHabits(userId),
      exercises: mapEach(streamOwnExercises(userId), exportExercise),
      routines: mapEach(streamRoutines(userId), (routine) => exportRoutine(routine, catalogKeys)),
      workouts: mapEach(streamWorkouts(userId), (workout) => exportWorkout(workout, catalogKeys)),
      bodyWeights: mapEach(streamBodyWeights(userId), exportBodyWeight),
    },
  };
}
