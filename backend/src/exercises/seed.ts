import { createHash } from 'node:crypto';

import { Types } from 'mongoose';

import { logger } from '../lib/logger';
import { CATALOG, type CatalogExercise } from './catalog';
import { ExerciseModel } from './model';
import { toSearchName } from './search';

// Changes whenever the catalog data changes, so an unchanged catalog costs one count per start.
const CATALOG_VERSION = createHash('sha256')
  .update(JSON.stringify(CATALOG))
  .digest('hex')
  .slice(0, 16);

/** The id of a catalog exercise, derived from its key: the same in every database, forever. */
export function catalogExerciseId(key: string): Types.ObjectId {
  const hex = createHash('sha256').update(`exercise-catalog:${key}`).digest('hex').slice(0, 24);

  return new Types.ObjectId(hex);
}

function fieldsOf(exercise: CatalogExercise) {
  return {
    ownerId: null,
    catalogKey: exercise.key,
    catalogVersion: CATALOG_VERSION,
    name: exercise.name,
    searchName: toSearchName(exercise.name),
    primaryMuscles: exercise.primaryMuscles,
    secondaryMuscles: exercise.secondaryMuscles,
    equipment: exercise.equipment,
    kind: exercise.kind,
    archivedAt: null,
  };
}

function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}

async function upsertCatalogExercise(exercise: CatalogExercise): Promise<void> {
  const filter = { _id: catalogExerciseId(exercise.key) };
  const update = { $set: fieldsOf(exercise) };
  try {
    await ExerciseModel.updateOne(filter, update, { upsert: true });
  } catch (error) {
    // Another instance inserted it first (FerretDB upserts are not atomic): now it only updates.
    if (!isDuplicateKeyError(error)) {
      throw error;
    }
    await ExerciseModel.updateOne(filter, update);
  }
}

/**
 * Writes the built-in exercise catalog, idempotently: each exercise is upserted by an id derived
 * from its key. Safe when several API instances start at once: they write the same documents.
 * One small write at a time on purpose: two concurrent bulk writes of the whole catalog stalled
 * the embedded FerretDB (SQLite) for minutes, while single-document writes interleave fine.
 */
export async function seedExerciseCatalog(): Promise<void> {
  const current = await ExerciseModel.countDocuments({
    ownerId: null,
    catalogVersion: CATALOG_VERSION,
  });
  if (current === CATALOG.length) {
    return;
  }

  for (const exercise of CATALOG) {
    await upsertCatalogExercise(exercise);
  }
  logger.info('exercise catalog seeded', { exercises: CATALOG.length, version: CATALOG_VERSION });
}
