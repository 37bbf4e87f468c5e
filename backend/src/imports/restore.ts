import { importBodyWeights } from '../body-weights/service';
import { EQUIPMENT, EXERCISE_KINDS, MUSCLES, type ExerciseKind } from '../exercises/kinds';
import { catalogExerciseId } from '../exercises/seed';
import { archiveExercise, getExercise } from '../exercises/service';
import { AppError } from '../lib/errors';
import { createRoutine } from '../routines/service';
import type {
  ExportBodyWeight,
  ExportExercise,
  ExportHabit,
  ExportRoutine,
  ExportSectionName,
  ExportWorkout,
  ExportWorkoutExercise,
} from '../exports/schema';
import type { ExerciseEntryInput } from '../workouts/entries';
import { ImportedItemModel } from './model';
import { itemKey, type ImportWriter } from './writer';

/*
 * Restores this app's own export document (exports/schema.ts) into an account, item by item, with
 * the same services and the same stable keys as the other importers: an item restored before is
 * found again by its key (`export:<section>:<hash of its id>`, or the workout's client id), so a
 * document imported twice writes nothing the second time. The export's ids only link items within
 * the document; everything gets new ids here.
 */

const SOURCE = 'export';
const BODY_WEIGHT_BATCH = 500;

type Item = Record<string, unknown>;

const isObject = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumberOrNull = (value: unknown) =>
  value === null || (typeof value === 'number' && Number.isFinite(value));

function isSetList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (set) =>
        isObject(set) &&
        isString(set.type) &&
        ['reps', 'weightKg', 'rpe', 'durationSeconds', 'distanceMeters'].every((field) =>
          isNumberOrNull(set[field]),
        ),
    )
  );
}

function isEntryList(value: unknown): value is ExportWorkoutExercise[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        isObject(entry) &&
        isObject(entry.exercise) &&
        isString(entry.exercise.id) &&
        isString(entry.exercise.name) &&
        (entry.exercise.source === 'catalog' || entry.exercise.source === 'own') &&
        isNumberOrNull(entry.supersetGroup) &&
        isString(entry.notes) &&
        isSetList(entry.sets),
    )
  );
}

const CHECKS: Record<ExportSectionName, (item: Item) => boolean> = {
  habits: (item) =>
    isString(item.id) &&
    isString(item.name) &&
    isString(item.description) &&
    isString(item.color) &&
    isString(item.icon) &&
    (item.kind === 'boolean' || item.kind === 'measurable') &&
    (item.target === null ||
      (isObject(item.target) &&
        typeof item.target.value === 'number' &&
        isString(item.target.unit))) &&
    Array.isArray(item.schedules) &&
    item.schedules.every((rule) => isObject(rule) && isString(rule.from) && isString(rule.type)) &&
    (item.reminderTime === null || isString(item.reminderTime)) &&
    typeof item.position === 'number' &&
    typeof item.archived === 'boolean' &&
    typeof item.linkedToWorkouts === 'boolean' &&
    Array.isArray(item.completions) &&
    item.completions.every(
      (day) =>
        isObject(day) &&
        isString(day.date) &&
        ['done', 'skipped', 'none'].includes(day.status as string) &&
        isNumberOrNull(day.value) &&
        isString(day.note),
    ),
  exercises: (item) =>
    isString(item.id) &&
    isString(item.name) &&
    EXERCISE_KINDS.includes(item.kind as ExerciseKind) &&
    Array.isArray(item.primaryMuscles) &&
    Array.isArray(item.secondaryMuscles) &&
    isString(item.equipment) &&
    typeof item.archived === 'boolean',
  routines: (item) =>
    isString(item.id) && isString(item.name) && isString(item.notes) && isEntryList(item.exercises),
  workouts: (item) =>
    isString(item.id) &&
    isString(item.date) &&
    isString(item.startedAt) &&
    (item.endedAt === null || isString(item.endedAt)) &&
    isString(item.notes) &&
    (item.routineId === null || isString(item.routineId)) &&
    isEntryList(item.exercises),
  bodyWeights: (item) => isString(item.date) && typeof item.weightKg === 'number',
};

const onlyKnown = <T extends string>(values: unknown, known: readonly T[]): T[] =>
  (Array.isArray(values) ? values : []).filter((value): value is T => known.includes(value as T));

/** Restores the items of an export document, in document order. */
export class ExportRestorer {
  /** New ids of the document's own exercises and routines, by their ids in the document. */
  private readonly exerciseIds = new Map<string, string>();
  private readonly routineIds = new Map<string, string>();
  private bodyWeights: ExportBodyWeight[] = [];

  constructor(
    private readonly writer: ImportWriter,
    private readonly options: { userId: string; isDryRun: boolean; firstPosition: number },
  ) {}

  async add(section: ExportSectionName, item: unknown, line: number): Promise<void> {
    if (!isObject(item) || !CHECKS[section](item)) {
      this.writer.written.skipped += 1;
      this.writer.addProblem({
        line,
        file: null,
        reason: `An item of "${section}" does not have the fields of an export: left out.`,
      });
      return;
    }
    switch (section) {
      case 'habits':
        return this.addHabit(item as unknown as ExportHabit);
      case 'exercises':
        return this.addExercise(item as unknown as ExportExercise);
      case 'routines':
        return this.addRoutine(item as unknown as ExportRoutine);
      case 'workouts':
        return this.addWorkout(item as unknown as ExportWorkout);
      case 'bodyWeights':
        this.bodyWeights.push(item as unknown as ExportBodyWeight);
        if (this.bodyWeights.length >= BODY_WEIGHT_BATCH) {
          await this.flushBodyWeights();
        }
        return;
    }
  }

  private async addHabit(item: ExportHabit): Promise<void> {
    const key = itemKey(SOURCE, 'habit', item.id);
    const state = await this.writer.openHabit(
      key,
      {
        name: item.name,
        description: item.description,
        color: item.color,
        icon: item.icon,
        kind: item.kind,
        target: item.target,
        schedules: item.schedules.map((rule) => ({ ...rule })),
        reminderTime: item.reminderTime,
        archived: item.archived,
        linkedToWorkouts: item.linkedToWorkouts,
        position: this.options.firstPosition + item.position,
      },
      item.name,
    );
    this.writer.setHabit(key, state);
    if (!state) {
      this.writer.written.skipped += item.completions.length;
      await this.writer.progress(item.completions.length);
      return;
    }
    for (const day of item.completions) {
      await this.writer.addDay(state, day, `"${item.name}"`);
    }
  }

  private async addExercise(item: ExportExercise): Promise<void> {
    const { userId } = this.options;
    const key = itemKey(SOURCE, 'exercise', item.id);
    const known = await ImportedItemModel.findOne({ userId, key });
    if (known && (await isOwnExercise(userId, String(known.itemId)))) {
      this.exerciseIds.set(item.id, String(known.itemId));
      return;
    }
    const resolved = await this.writer.exercises.ownExercise(item.name, item.kind, {
      primaryMuscles: onlyKnown(item.primaryMuscles, MUSCLES),
      secondaryMuscles: onlyKnown(item.secondaryMuscles, MUSCLES),
      equipment: EQUIPMENT.includes(item.equipment as never)
        ? (item.equipment as (typeof EQUIPMENT)[number])
        : 'other',
    });
    if (this.options.isDryRun) {
      return;
    }
    if (resolved.isNew && item.archived) {
      await archiveExercise(userId, resolved.id);
    }
    await ImportedItemModel.updateOne(
      { userId, key },
      { $set: { itemId: resolved.id } },
      { upsert: true },
    );
    this.exerciseIds.set(item.id, resolved.id);
  }

  private async entriesOf(entries: ExportWorkoutExercise[]): Promise<ExerciseEntryInput[] | null> {
    const result: ExerciseEntryInput[] = [];
    for (const entry of entries) {
      const exerciseId = await this.exerciseIdOf(entry);
      if (exerciseId === null) {
        return null;
      }
      result.push({
        exerciseId,
        supersetGroup: entry.supersetGroup,
        notes: entry.notes,
        sets: entry.sets.map((set) => ({
          type: set.type,
          reps: set.reps,
          weight: set.weightKg,
          rpe: set.rpe,
          durationSeconds: set.durationSeconds,
          distanceMeters: set.distanceMeters,
        })),
      });
    }

    return result;
  }

  /** The id here of an exercise the document refers to. */
  private async exerciseIdOf(entry: ExportWorkoutExercise): Promise<string | null> {
    const ref = entry.exercise;
    if (ref.source === 'own') {
      const id = this.exerciseIds.get(ref.id);
      if (id || this.options.isDryRun) {
        return id ?? '';
      }
      const kind = (await this.writer.exercises.matchCatalog(ref.name))?.kind ?? 'weight_reps';
      return (await this.writer.exercises.ownExercise(ref.name, kind)).id;
    }
    const byKey = catalogExerciseId(ref.id).toHexString();
    if (await isCatalogExercise(this.options.userId, byKey)) {
      return byKey;
    }
    const byName = await this.writer.exercises.matchCatalog(ref.name);

    return byName ? byName.id : null;
  }

  private async addRoutine(item: ExportRoutine): Promise<void> {
    const { userId, isDryRun } = this.options;
    const key = itemKey(SOURCE, 'routine', item.id);
    const known = await ImportedItemModel.findOne({ userId, key });
    if (known) {
      this.routineIds.set(item.id, String(known.itemId));
      return;
    }
    const exercises = await this.entriesOf(item.exercises);
    if (!exercises) {
      this.refuse(`Routine "${item.name}"`, 'an exercise it uses is unknown here');
      return;
    }
    if (isDryRun) {
      return;
    }
    try {
      const routine = await createRoutine(userId, {
        name: item.name,
        notes: item.notes,
        unit: 'kg',
        exercises,
      });
      await ImportedItemModel.updateOne(
        { userId, key },
        { $set: { itemId: routine._id } },
        { upsert: true },
      );
      this.routineIds.set(item.id, routine.id);
    } catch (error) {
      this.refuseOnValidation(`Routine "${item.name}"`, error);
    }
  }

  private async addWorkout(item: ExportWorkout): Promise<void> {
    const label = `Workout of ${item.startedAt}`;
    const sourceSets = item.exercises.reduce((sum, entry) => sum + entry.sets.length, 0);
    const exercises = await this.entriesOf(item.exercises);
    if (!exercises) {
      this.refuse(label, 'an exercise it uses is unknown here');
      await this.writer.progress(sourceSets);
      return;
    }
    const routineId = item.routineId ? (this.routineIds.get(item.routineId) ?? null) : null;
    await this.writer.queueWorkout({
      label,
      sourceSets,
      input: {
        clientId: `export-${item.id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 57)}`,
        startedAt: item.startedAt,
        endedAt: item.endedAt,
        date: item.date,
        unit: 'kg',
        notes: item.notes,
        routineId,
        exercises,
      },
    });
  }

  private async flushBodyWeights(): Promise<void> {
    const batch = this.bodyWeights;
    this.bodyWeights = [];
    if (batch.length === 0 || this.options.isDryRun) {
      return;
    }
    const { written, refused } = await importBodyWeights(this.options.userId, batch);
    this.writer.written.skipped += batch.length - written;
    if (refused > 0) {
      this.refuse(`${refused} body weight(s)`, 'a bad date or weight');
    }
  }

  private refuse(label: string, reason: string): void {
    this.writer.written.skipped += 1;
    this.writer.addProblem({ line: null, file: null, reason: `${label} left out: ${reason}.` });
  }

  private refuseOnValidation(label: string, error: unknown): void {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') {
      throw error;
    }
    const fields = (error.details ?? []).map((detail) => `${detail.field}: ${detail.message}`);
    this.refuse(label, fields.join('; '));
  }

  async finish(): Promise<void> {
    await this.flushBodyWeights();
  }
}

async function isOwnExercise(userId: string, exerciseId: string): Promise<boolean> {
  try {
    return (await getExercise(userId, exerciseId)).ownerId !== null;
  } catch {
    return false;
  }
}

async function isCatalogExercise(userId: string, exerciseId: string): Promise<boolean> {
  try {
    return (await getExercise(userId, exerciseId)).ownerId === null;
  } catch {
    return false;
  }
}
