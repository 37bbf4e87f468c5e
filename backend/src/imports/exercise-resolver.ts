import type { Equipment, ExerciseKind, Muscle } from '../exercises/kinds';
import { createExercise, findCatalogExercises, findOwnExerciseByName } from '../exercises/service';
import { toSearchName } from '../exercises/search';
import { matchCatalog, type CatalogEntry } from './exercise-match';

export interface ResolvedExercise {
  id: string;
  kind: ExerciseKind;
  isCatalog: boolean;
  /** Made by this import (in a dry run: would be). */
  isNew: boolean;
}

/** What a new own exercise is made with besides its name and kind. */
export interface ExerciseDetails {
  primaryMuscles: Muscle[];
  secondaryMuscles: Muscle[];
  equipment: Equipment;
}

const NO_DETAILS: ExerciseDetails = {
  primaryMuscles: [],
  secondaryMuscles: [],
  equipment: 'other',
};

interface CatalogExerciseEntry extends CatalogEntry {
  kind: ExerciseKind;
}

/** Appended to an own exercise's name when the catalog already has the name, which must differ. */
const CLASH_SUFFIX = ' (imported)';

/**
 * Finds the exercise an imported name stands for: the catalog's, else the user's own of that
 * name, else a new own exercise (in a dry run only counted). Answers are kept for the import, so
 * each distinct name costs a query or two once.
 */
export class ExerciseResolver {
  private catalog: Map<string, CatalogExerciseEntry> | undefined;
  private readonly own = new Map<string, ResolvedExercise>();
  readonly matchedNames = new Set<string>();
  readonly createdNames = new Set<string>();

  constructor(
    private readonly userId: string,
    private readonly isDryRun: boolean,
  ) {}

  /** The catalog exercise for the name, or null. */
  async matchCatalog(name: string): Promise<ResolvedExercise | null> {
    this.catalog ??= await loadCatalog();
    const entry = matchCatalog(name, this.catalog) as CatalogExerciseEntry | null;

    return entry ? { id: entry.id, kind: entry.kind, isCatalog: true, isNew: false } : null;
  }

  /** Notes that the name was used as the catalog's exercise. */
  noteMatched(name: string): void {
    this.matchedNames.add(toSearchName(name));
  }

  /** The user's own exercise of the name, made with `kind` when there is none yet. */
  async ownExercise(
    name: string,
    kind: ExerciseKind,
    details: ExerciseDetails = NO_DETAILS,
  ): Promise<ResolvedExercise> {
    const key = toSearchName(name);
    const known = this.own.get(key);
    if (known) {
      return known;
    }

    this.catalog ??= await loadCatalog();
    const ownName = (this.catalog.has(key) ? `${name.slice(0, 88)}${CLASH_SUFFIX}` : name).slice(
      0,
      100,
    );
    const existing = await findOwnExerciseByName(this.userId, ownName);
    let resolved: ResolvedExercise;
    if (existing) {
      resolved = { id: existing.id, kind: existing.kind, isCatalog: false, isNew: false };
    } else if (this.isDryRun) {
      resolved = { id: '', kind, isCatalog: false, isNew: true };
      this.createdNames.add(key);
    } else {
      const created = await createExercise(this.userId, { name: ownName, kind, ...details });
      resolved = { id: created.id, kind, isCatalog: false, isNew: true };
      this.createdNames.add(key);
    }
    this.own.set(key, resolved);

    return resolved;
  }
}

async function loadCatalog(): Promise<Map<string, CatalogExerciseEntry>> {
  const exercises = await findCatalogExercises();

  return new Map(
    exercises.map((exercise) => [
      exercise.searchName,
      {
        id: exercise.id,
        searchName: exercise.searchName,
        equipment: exercise.equipment,
        kind: exercise.kind,
      },
    ]),
  );
}
