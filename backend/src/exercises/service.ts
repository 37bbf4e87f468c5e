import { AppError, notFound, validationFailed } from '../lib/errors';
import { DEFAULT_PAGE_SIZE, toPage, type Page, type PageQuery } from '../lib/pagination';
import type { Equipment, ExerciseKind, Muscle } from './kinds';
import { ExerciseModel, type ExerciseDocument } from './model';
import { escapeRegExp, searchTerms, toSearchName } from './search';

export interface ExerciseQuery extends PageQuery {
  q?: string;
  muscle?: Muscle;
  equipment?: Equipment;
  kind?: ExerciseKind;
  /** `catalog`: the built-in exercises; `mine`: the user's own; `all` (default): both. */
  scope?: 'all' | 'catalog' | 'mine';
}

export interface ExerciseInput {
  name: string;
  primaryMuscles: Muscle[];
  secondaryMuscles?: Muscle[];
  equipment: Equipment;
  kind: ExerciseKind;
}

export type ExerciseChanges = Partial<Omit<ExerciseInput, 'kind'>>;

type Filter = Record<string, unknown>;

function listableBy(userId: string, scope: ExerciseQuery['scope'] = 'all'): Filter {
  const catalog = { ownerId: null };
  const own = { ownerId: userId, archivedAt: null };
  if (scope === 'catalog') {
    return catalog;
  }
  if (scope === 'mine') {
    return own;
  }

  return { $or: [catalog, own] };
}

/** Catalog exercises and the user's own, archived ones included (old workouts refer to them). */
function readableBy(userId: string): Filter {
  return { $or: [{ ownerId: null }, { ownerId: userId }] };
}

/** Exercises in name order, filtered and searched, a page at a time. */
export async function findExercises(
  userId: string,
  { q, muscle, equipment, kind, scope, limit = DEFAULT_PAGE_SIZE, cursor }: ExerciseQuery,
): Promise<Page<ExerciseDocument>> {
  const conditions: Filter[] = [listableBy(userId, scope)];
  for (const term of searchTerms(q ?? '')) {
    conditions.push({ searchName: { $regex: escapeRegExp(term) } });
  }
  if (muscle) {
    conditions.push({ primaryMuscles: muscle });
  }
  if (equipment) {
    conditions.push({ equipment });
  }
  if (kind) {
    conditions.push({ kind });
  }
  if (cursor) {
    const after = await ExerciseModel.findOne({ _id: cursor, ...readableBy(userId) });
    if (after) {
      conditions.push({
        $or: [
          { searchName: { $gt: after.searchName } },
          { searchName: after.searchName, _id: { $gt: after._id } },
        ],
      });
    }
  }

  const rows = await ExerciseModel.find({ $and: conditions })
    .sort({ searchName: 1, _id: 1 })
    .limit(limit + 1);

  return toPage(rows, limit);
}

/** A catalog exercise or one of the user's own; NOT_FOUND for another user's. */
export async function getExercise(userId: string, exerciseId: string): Promise<ExerciseDocument> {
  const exercise = await ExerciseModel.findOne({ _id: exerciseId, ...readableBy(userId) });
  if (!exercise) {
    throw notFound('Exercise');
  }

  return exercise;
}

/** The exercises among `ids` that the user may log, by id; others are simply missing. */
export async function findExercisesByIds(
  userId: string,
  ids: readonly string[],
): Promise<Map<string, ExerciseDocument>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }

  const exercises = await ExerciseModel.find({ _id: { $in: unique }, ...readableBy(userId) });

  return new Map(exercises.map((exercise) => [exercise.id, exercise]));
}

/**
 * The form a name is searched and kept unique by; a name without a letter or digit (emoji only)
 * has none, and is refused naming `name` (the stored form is required).
 */
function searchNameOf(name: string): string {
  const searchName = toSearchName(name);
  if (searchName === '') {
    throw validationFailed([{ field: 'name', message: 'Must contain a letter or a digit' }]);
  }

  return searchName;
}

/** Creates one of the user's own exercises; CONFLICT when the name is taken. */
export async function createExercise(
  userId: string,
  input: ExerciseInput,
): Promise<ExerciseDocument> {
  const searchName = searchNameOf(input.name);
  await assertNameFree(userId, searchName);

  return ExerciseModel.create({ ...input, searchName, ownerId: userId });
}

/** Changes the user's own exercise; FORBIDDEN for a catalog exercise. */
export async function updateExercise(
  userId: string,
  exerciseId: string,
  changes: ExerciseChanges,
): Promise<ExerciseDocument> {
  const exercise = await getOwnExercise(userId, exerciseId);
  if (changes.name !== undefined) {
    const searchName = searchNameOf(changes.name);
    await assertNameFree(userId, searchName, exercise.id);
    exercise.set({ searchName });
  }

  exercise.set(changes);
  await exercise.save();

  return exercise;
}

/** Hides the user's own exercise from lists; workouts that used it keep it. */
export async function archiveExercise(userId: string, exerciseId: string): Promise<void> {
  const exercise = await getOwnExercise(userId, exerciseId);
  exercise.set({ archivedAt: new Date() });
  await exercise.save();
}

async function getOwnExercise(userId: string, exerciseId: string): Promise<ExerciseDocument> {
  const exercise = await getExercise(userId, exerciseId);
  if (exercise.ownerId === null) {
    throw new AppError('FORBIDDEN', 'Catalog exercises are read-only', {
      userMessage: 'Exercises of the catalog cannot be changed; create your own instead',
    });
  }
  if (exercise.archivedAt !== null) {
    throw notFound('Exercise');
  }

  return exercise;
}

async function assertNameFree(userId: string, searchName: string, exceptId?: string) {
  const clash = await ExerciseModel.findOne({
    searchName,
    $or: [{ ownerId: null }, { ownerId: userId, archivedAt: null }],
  });
  if (clash && clash.id !== exceptId) {
    throw new AppError('CONFLICT', 'Exercise name taken', {
      userMessage: `There is already an exercise called ${clash.name}`,
      details: [{ field: 'name', message: `There is already an exercise called ${clash.name}` }],
    });
  }
}

/** The whole catalog (a few hundred exercises), for matching imported names. */
export async function findCatalogExercises(): Promise<ExerciseDocument[]> {
  return ExerciseModel.find({ ownerId: null });
}

/** The user's own exercise of exactly this name (by its search form), archived ones included. */
export async function findOwnExerciseByName(
  userId: string,
  name: string,
): Promise<ExerciseDocument | null> {
  return ExerciseModel.findOne({ ownerId: userId, searchName: toSearchName(name) }).sort({
    archivedAt: 1,
    _id: 1,
  });
}

/** Every own exercise of the user, archived ones included, oldest first, read lazily. */
export function streamOwnExercises(userId: string): AsyncIterable<ExerciseDocument> {
  return ExerciseModel.find({ ownerId: userId }).sort({ _id: 1 }).cursor();
}

/** Deletes every own exercise of the user (account deletion); the catalog stays. */
export async function deleteAllOwnExercises(userId: string): Promise<void> {
  await ExerciseModel.deleteMany({ ownerId: userId });
}
