import { createHash } from 'node:crypto';

import { AppError } from '../lib/errors';
import {
  findOwnHabit,
  importDays,
  importHabit,
  importedDayError,
  countExistingDays,
  type ImportedDay,
  type ImportedHabitInput,
} from '../habits/service';
import type { HabitDocument } from '../habits/model';
import { instantOfLocal } from '../lib/time';
import type { ExerciseEntryInput } from '../workouts/entries';
import {
  findTakenClientIds,
  importWorkouts,
  type ImportOutcome,
  type WorkoutInput,
} from '../workouts/service';
import { checkSupersets } from '../workouts/set-rules';
import { MAX_EXERCISES, MAX_SETS_PER_EXERCISE, MAX_SUPERSET_GROUP } from '../workouts/validation';
import { ExerciseResolver } from './exercise-resolver';
import { ImportedItemModel, type ImportJobFormat } from './model';
import { toSearchName } from '../exercises/search';
import {
  cleanSet,
  fitSet,
  inferKind,
  isEmptySet,
  type KindEvidence,
  type SetValues,
} from './set-fit';
import type { ImportedCompletion, ImportedExercise, ImportedHabit, ImportedWorkout } from './types';

/** Enough to show and fix a broken file; a file with more lists only the count of the rest. */
export const MAX_LISTED_PROBLEMS = 100;
const DAY_BATCH = 500;
const WORKOUT_BATCH = 50;
const HOUR_MS = 3600 * 1000;

export interface Problem {
  line: number | null;
  file: string | null;
  reason: string;
}

export interface ImportTotals {
  habits: number;
  days: number;
  workouts: number;
  sets: number;
  exercises: number;
  skipped: number;
}

/** What the first pass over a file learned that the second needs: each habit's final word. */
export interface HabitPlan {
  habit: ImportedHabit;
  firstDate: string | null;
}

export interface WriterOptions {
  userId: string;
  format: ImportJobFormat;
  timeZone: string;
  today: string;
  /** Counts what would be written and what exists already, writing nothing. */
  isDryRun: boolean;
  /** Where new habits go in the list. */
  firstPosition: number;
  /** Called after each step with the number of items (days and sets) handled so far. */
  onProgress?: (done: number) => Promise<void>;
}

/** The stable key of an imported item: its source and a hash of what identifies it there. */
export function itemKey(source: string, kind: string, identity: string): string {
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 40);

  return `${source}:${kind}:${hash}`;
}

/** The client id an imported workout is saved under, so that importing it again finds it. */
export function workoutClientId(source: string, identity: string): string {
  return `import-${source}-${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}

export interface QueuedWorkout {
  label: string;
  sourceSets: number;
  input: WorkoutInput & { clientId: string };
}

export interface HabitState {
  habit: HabitDocument | null;
  kind: 'boolean' | 'measurable';
  isExisting: boolean;
  days: ImportedDay[];
}

/**
 * Writes an import's habits, days and workouts for one user through the habits and workouts
 * services, so imported data obeys the rules data entered by hand does. Items imported before
 * (by their stable keys) are left as they are; rows the rules refuse become problems.
 */
export class ImportWriter {
  readonly written: ImportTotals = {
    habits: 0,
    days: 0,
    workouts: 0,
    sets: 0,
    exercises: 0,
    skipped: 0,
  };
  readonly existing = { habits: 0, days: 0, workouts: 0 };
  readonly problems: Problem[] = [];
  problemCount = 0;
  readonly exercises: ExerciseResolver;
  private done = 0;
  private readonly habits = new Map<string, HabitState | null>();
  private pendingWorkouts: QueuedWorkout[] = [];

  constructor(
    private readonly options: WriterOptions,
    private readonly plans: ReadonlyMap<string, HabitPlan>,
    /** What each exercise name records over the whole file, by its search form. */
    private readonly kindHints: ReadonlyMap<string, KindEvidence> = new Map(),
  ) {
    this.exercises = new ExerciseResolver(options.userId, options.isDryRun);
  }

  /** Records a problem, keeping the first MAX_LISTED_PROBLEMS. */
  addProblem(problem: Problem): void {
    this.problemCount += 1;
    if (this.problems.length < MAX_LISTED_PROBLEMS) {
      this.problems.push(problem);
    }
  }

  async progress(items: number): Promise<void> {
    this.done += items;
    await this.options.onProgress?.(this.done);
  }

  async addHabit(sourceKey: string): Promise<void> {
    if (this.habits.has(sourceKey)) {
      return;
    }
    const plan = this.plans.get(sourceKey);
    if (!plan) {
      return;
    }
    const key = itemKey(this.options.format, 'habit', sourceKey);
    const input = this.habitInput(plan);
    this.habits.set(sourceKey, await this.openHabit(key, input, plan.habit.name));
  }

  /** Finds the habit a key made before, or makes it; null (with a problem) when refused. */
  async openHabit(
    key: string,
    input: ImportedHabitInput,
    label: string,
  ): Promise<HabitState | null> {
    const { userId } = this.options;
    const known = await ImportedItemModel.findOne({ userId, key });
    const habit = known ? await findOwnHabit(userId, String(known.itemId)) : null;
    if (habit) {
      this.existing.habits += 1;
      return { habit, kind: habit.kind, isExisting: true, days: [] };
    }
    if (this.options.isDryRun) {
      this.written.habits += 1;
      return { habit: null, kind: input.kind, isExisting: false, days: [] };
    }

    try {
      const created = await importHabit(userId, input);
      await ImportedItemModel.updateOne(
        { userId, key },
        { $set: { itemId: created._id } },
        { upsert: true },
      );
      this.written.habits += 1;
      return { habit: created, kind: created.kind, isExisting: false, days: [] };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') {
        throw error;
      }
      const fields = (error.details ?? []).map((detail) => `${detail.field}: ${detail.message}`);
      this.addProblem({
        line: null,
        file: null,
        reason: `Habit "${label}" left out (${fields.join('; ')}).`,
      });
      return null;
    }
  }

  private habitInput({ habit, firstDate }: HabitPlan): ImportedHabitInput {
    const today = this.options.today;
    const startDate = firstDate && firstDate < today ? firstDate : today;
    const schedule = habit.schedule ?? { type: 'daily' };
    const isMeasurable = habit.kind === 'measurable';
    const rule =
      schedule.type === 'weekly' || schedule.type === 'monthly'
        ? {
            type: schedule.type,
            ...(isMeasurable
              ? {}
              : { times: Math.min(schedule.times, schedule.type === 'weekly' ? 7 : 31) }),
          }
        : schedule.type === 'interval'
          ? { type: schedule.type, interval: Math.min(schedule.interval, 365) }
          : { type: schedule.type };
    const description = [
      habit.question,
      habit.description,
      habit.category ? `Category: ${habit.category}` : '',
    ]
      .filter((part) => part !== '')
      .join('\n');

    return {
      name: habit.name.slice(0, 100),
      description: description.slice(0, 500),
      color: habit.color,
      icon: '',
      kind: habit.kind,
      target: isMeasurable
        ? {
            type: habit.target?.type ?? 'atLeast',
            value: habit.target?.value ?? 1,
            unit: habit.unit.slice(0, 20),
          }
        : null,
      schedules: [{ from: startDate, ...rule }],
      reminderTime: null,
      archived: habit.archived,
      linkedToWorkouts: false,
      position: this.options.firstPosition + (habit.position ?? this.habits.size),
    };
  }

  async addCompletion(sourceKey: string, completion: ImportedCompletion): Promise<void> {
    await this.addHabit(sourceKey);
    const state = this.habits.get(sourceKey);
    if (!state) {
      this.written.skipped += 1;
      await this.progress(1);
      return;
    }
    await this.addDay(state, {
      date: completion.date,
      status: completion.status,
      value: state.kind === 'boolean' ? null : completion.value,
      note: completion.note,
    });
  }

  /** Queues a day of an opened habit; checked now, written in batches. */
  async addDay(state: HabitState, day: ImportedDay, label?: string): Promise<void> {
    const problem = importedDayError(state.kind, day, this.options.today);
    if (problem) {
      this.written.skipped += 1;
      this.addProblem({
        line: null,
        file: null,
        reason: `${label ?? 'A day'} on ${day.date}: ${problem}.`,
      });
      await this.progress(1);
      return;
    }
    state.days.push(day);
    if (state.days.length >= DAY_BATCH) {
      await this.flushDays(state);
    }
  }

  private async flushDays(state: HabitState): Promise<void> {
    const days = state.days;
    state.days = [];
    if (days.length === 0) {
      return;
    }
    let written: number;
    if (!state.habit) {
      written = days.length;
    } else if (this.options.isDryRun) {
      written = days.length - (await countExistingDays(state.habit, days));
    } else {
      written = await importDays(this.options.userId, state.habit, days);
    }
    this.written.days += written;
    this.existing.days += days.length - written;
    this.written.skipped += days.length - written;
    await this.progress(days.length);
  }

  /** Opened habits by their source key (for the export restore, which opens its own). */
  setHabit(sourceKey: string, state: HabitState | null): void {
    this.habits.set(sourceKey, state);
  }

  habitOf(sourceKey: string): HabitState | null | undefined {
    return this.habits.get(sourceKey);
  }

  async addWorkout(workout: ImportedWorkout): Promise<void> {
    const clientId = workoutClientId(this.options.format, workout.key);
    const label = `Workout of ${workout.startedAt.replace('T', ' ')}`;
    const sourceSets = workout.exercises.reduce((sum, exercise) => sum + exercise.sets.length, 0);
    const startedAt = instantOfLocal(workout.startedAt, this.options.timeZone);
    if (!startedAt) {
      this.refuseWorkout(label, 'its start time is not a time');
      await this.progress(sourceSets);
      return;
    }
    let endedAt = workout.endedAt ? instantOfLocal(workout.endedAt, this.options.timeZone) : null;
    if (
      endedAt &&
      (endedAt < startedAt || endedAt.getTime() - startedAt.getTime() > 24 * HOUR_MS)
    ) {
      this.addProblem({
        line: null,
        file: null,
        reason: `${label}: its end time was left out (before the start, or over 24 hours later).`,
      });
      endedAt = null;
    }
    const exercises = await this.buildEntries(workout.exercises, label);
    const notes = [workout.name, workout.notes].filter((part) => part.trim() !== '').join('\n\n');

    await this.queueWorkout({
      label,
      sourceSets,
      input: {
        clientId,
        startedAt: startedAt.toISOString(),
        endedAt: endedAt ? endedAt.toISOString() : null,
        date: workout.date,
        unit: 'kg',
        notes: notes.slice(0, 2000),
        exercises,
      },
    });
  }

  /**
   * Queues a workout for the workouts service, which saves a batch at a time; one whose client id
   * exists is left as it is, one the rules refuse becomes a problem. `sourceSets` is its share of
   * the progress total.
   */
  async queueWorkout(workout: QueuedWorkout): Promise<void> {
    this.pendingWorkouts.push(workout);
    if (this.pendingWorkouts.length >= WORKOUT_BATCH) {
      await this.flushWorkouts();
    }
  }

  private async flushWorkouts(): Promise<void> {
    const batch = this.pendingWorkouts;
    this.pendingWorkouts = [];
    if (batch.length === 0) {
      return;
    }
    const { userId, isDryRun } = this.options;
    // A real run leaves finding the workouts imported before to the unique client id (the
    // workouts service answers `existing`): asking first would read the user's workouts again
    // for every batch, which the database does by scanning them.
    const taken = isDryRun
      ? await findTakenClientIds(
          userId,
          batch.map((workout) => workout.input.clientId),
        )
      : new Set<string>();
    const fresh = batch.filter((workout) => !taken.has(workout.input.clientId));
    const outcomes: ImportOutcome[] = isDryRun
      ? fresh.map(() => 'created')
      : await importWorkouts(
          userId,
          fresh.map((workout) => workout.input),
        );

    this.existing.workouts += batch.length - fresh.length;
    this.written.skipped += batch.length - fresh.length;
    fresh.forEach(({ label, input }, index) => {
      const outcome = outcomes[index]!;
      if (outcome === 'created') {
        this.written.workouts += 1;
        this.written.exercises += input.exercises.length;
        this.written.sets += input.exercises.reduce((sum, item) => sum + item.sets.length, 0);
      } else if (outcome === 'existing') {
        this.existing.workouts += 1;
        this.written.skipped += 1;
      } else {
        const fields = outcome.refused.map((detail) => `${detail.field}: ${detail.message}`);
        this.refuseWorkout(label, fields.join('; '));
      }
    });
    await this.progress(batch.reduce((sum, workout) => sum + workout.sourceSets, 0));
  }

  private refuseWorkout(label: string, reason: string): void {
    this.written.skipped += 1;
    this.addProblem({ line: null, file: null, reason: `${label} left out: ${reason}.` });
  }

  /** The exercises of an imported workout as the workouts service takes them. */
  private async buildEntries(
    items: readonly ImportedExercise[],
    label: string,
  ): Promise<ExerciseEntryInput[]> {
    const entries: Array<ExerciseEntryInput & { superset: string | null }> = [];
    const left = { empty: 0, misfit: 0, overLimit: 0 };
    for (const item of items.slice(0, MAX_EXERCISES)) {
      const kept = item.sets.slice(0, MAX_SETS_PER_EXERCISE);
      left.overLimit += item.sets.length - kept.length;
      const values = kept.map((set) => cleanSet(set).values).filter((set) => !isEmptySet(set));
      left.empty += kept.length - values.length;
      if (values.length === 0) {
        continue;
      }
      const { exerciseId, sets } = await this.fitExercise(item.name, values);
      left.misfit += values.length - sets.length;
      if (sets.length === 0) {
        continue;
      }
      entries.push({
        exerciseId,
        superset: item.supersetId,
        supersetGroup: null,
        notes: item.notes.slice(0, 500),
        sets,
      });
    }
    const reasons = [
      left.empty > 0 ? `${left.empty} set(s) without reps, weight, time or distance` : '',
      left.misfit > 0 ? `${left.misfit} set(s) lacking a value the exercise needs` : '',
      left.overLimit > 0 || items.length > MAX_EXERCISES
        ? `exercises or sets beyond ${MAX_EXERCISES} per workout and ${MAX_SETS_PER_EXERCISE} per exercise`
        : '',
    ].filter((reason) => reason !== '');
    if (reasons.length > 0) {
      this.addProblem({
        line: null,
        file: null,
        reason: `${label}: left out ${reasons.join(', ')}.`,
      });
    }

    return groupSupersets(entries);
  }

  /** The exercise sets go to: the catalog's when every set fits it, else an own exercise. */
  private async fitExercise(
    name: string,
    values: SetValues[],
  ): Promise<{ exerciseId: string; sets: ExerciseEntryInput['sets'] }> {
    const catalog = await this.exercises.matchCatalog(name);
    if (catalog) {
      const fitted = values.map((set) => fitSet(catalog.kind, set));
      if (fitted.every((set) => set !== null)) {
        this.exercises.noteMatched(name);
        return { exerciseId: catalog.id, sets: fitted };
      }
    }
    const evidence = this.kindHints.get(toSearchName(name));
    const kind = evidence ? evidence.kind() : inferKind(values);
    const own = await this.exercises.ownExercise(name, kind);
    const sets = values
      .map((set) => fitSet(own.kind, set, { lenient: true }))
      .filter((set): set is SetValues => set !== null);

    return { exerciseId: own.id, sets };
  }

  /** Writes what is still queued. */
  async finish(): Promise<void> {
    for (const state of this.habits.values()) {
      if (state) {
        await this.flushDays(state);
      }
    }
    await this.flushWorkouts();
  }
}

/**
 * Superset ids of the other apps as our group numbers (1, 2, ... in order). A group that breaks
 * our rules (fewer than two exercises, not next to each other, too many groups) is dissolved.
 */
export function groupSupersets(
  entries: Array<ExerciseEntryInput & { superset: string | null }>,
): ExerciseEntryInput[] {
  const numbers = new Map<string, number>();
  const grouped = entries.map(({ superset, ...entry }) => {
    if (superset === null) {
      return entry;
    }
    if (!numbers.has(superset)) {
      numbers.set(superset, numbers.size + 1);
    }
    const group = numbers.get(superset)!;

    return { ...entry, supersetGroup: group <= MAX_SUPERSET_GROUP ? group : null };
  });
  const broken = new Set(
    checkSupersets(grouped.map((entry) => entry.supersetGroup)).map((error) => {
      const index = Number(/\[(\d+)\]/.exec(error.field)?.[1]);
      return grouped[index]?.supersetGroup;
    }),
  );

  return grouped.map((entry) =>
    broken.has(entry.supersetGroup) ? { ...entry, supersetGroup: null } : entry,
  );
}
