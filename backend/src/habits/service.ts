import type { Types } from 'mongoose';

import { AppError, notFound, validationFailed, type FieldError } from '../lib/errors';
import { DEFAULT_PAGE_SIZE, toPage, type Page, type PageQuery } from '../lib/pagination';
import { isLocalDate, localDateIn } from '../lib/time';
import { getUser } from '../users/service';
import {
  CompletionModel,
  HabitModel,
  type CompletionDocument,
  type CompletionStatus,
  type HabitDocument,
  type HabitKind,
  type StoredCompletionStatus,
} from './model';
import { forgetPositions, nextPosition } from './positions';
import { isoWeekKeyOf, monthKeyOf, weekStartOf } from './rules/calendar';
import { withScheduleChange } from './rules/schedule';
import type { ScheduleRule, ScheduleType } from './rules/types';
import { MAX_TARGET_VALUE } from './validation';

export interface ScheduleInput {
  type: ScheduleType;
  days?: number[];
  times?: number;
  interval?: number;
}

export interface TargetInput {
  type: 'atLeast' | 'atMost';
  value: number;
  unit?: string;
}

export interface HabitInput {
  name: string;
  description?: string;
  color?: string;
  icon?: string;
  kind?: HabitKind;
  target?: TargetInput | null;
  schedule?: ScheduleInput;
  startDate?: string;
  reminderTime?: string | null;
  linkedToWorkouts?: boolean;
}

export type HabitChanges = Partial<Omit<HabitInput, 'kind' | 'startDate'>> & {
  archived?: boolean;
};

export interface HabitListQuery extends PageQuery {
  archived?: 'true' | 'false';
}

export interface CompletionInput {
  habitId: string;
  date: string;
  status?: CompletionStatus;
  value?: number;
  note?: string;
}

/** Returns the user's habit or throws NOT_FOUND, also for another user's habit. */
export async function getHabit(userId: string, habitId: string): Promise<HabitDocument> {
  const habit = await HabitModel.findOne({ _id: habitId, userId });
  if (!habit) {
    throw notFound('Habit');
  }

  return habit;
}

/** Active (or, with `archived`, archived) habits in the user's order, a page at a time. */
export async function findHabits(
  userId: string,
  { limit = DEFAULT_PAGE_SIZE, cursor, archived }: HabitListQuery,
): Promise<Page<HabitDocument>> {
  const filter: Record<string, unknown> = {
    userId,
    archivedAt: archived === 'true' ? { $ne: null } : null,
  };
  if (cursor) {
    const after = await HabitModel.findOne({ _id: cursor, userId }, { position: 1 });
    if (after) {
      filter.$or = [
        { position: { $gt: after.position } },
        { position: after.position, _id: { $gt: after._id } },
      ];
    }
  }

  const rows = await HabitModel.find(filter)
    .sort({ position: 1, _id: 1 })
    .limit(limit + 1);

  return toPage(rows, limit);
}

/** All active habits in order, for the day plan (bounded: a person keeps far fewer). */
export async function findActiveHabits(userId: string): Promise<HabitDocument[]> {
  return HabitModel.find({ userId, archivedAt: null }).sort({ position: 1, _id: 1 }).limit(500);
}

/**
 * Creates a habit at the end of the user's list. Throws VALIDATION_FAILED naming the field when
 * the kind, schedule and target do not fit together, or the start date is in the future.
 */
export async function createHabit(userId: string, input: HabitInput): Promise<HabitDocument> {
  const user = await getUser(userId);
  const today = localDateIn(user.timezone);
  const { kind = 'boolean', schedule = { type: 'daily' }, startDate = today, ...rest } = input;
  const errors = shapeErrors(kind, schedule, input.target ?? null);
  errors.push(...workoutLinkErrors(kind, input.linkedToWorkouts));
  if (startDate > today) {
    errors.push({ field: 'startDate', message: `Must not be after today (${today})` });
  }
  throwIfAny(errors);

  const position = await nextPosition(userId);

  return HabitModel.create({
    ...rest,
    kind,
    userId,
    startDate,
    schedules: [{ ...schedule, from: startDate }],
    position,
  });
}

/**
 * Changes a habit. A new schedule is appended from the start of its current period (see
 * `withScheduleChange`), so past periods keep their rules; `archived` archives or restores.
 */
export async function updateHabit(
  userId: string,
  habitId: string,
  { schedule, archived, ...changes }: HabitChanges,
): Promise<HabitDocument> {
  const habit = await getHabit(userId, habitId);
  const kind = habit.kind;
  const target = changes.target === undefined ? targetOf(habit) : changes.target;
  const errors = shapeErrors(kind, schedule ?? currentSchedule(habit), target);
  if (changes.target !== undefined && kind === 'boolean') {
    errors.push({ field: 'target', message: 'Only a measurable habit has a target' });
  }
  errors.push(...workoutLinkErrors(kind, changes.linkedToWorkouts));
  throwIfAny(errors);

  habit.set(changes);
  if (schedule) {
    const user = await getUser(userId);
    habit.schedules = withScheduleChange(schedulesOf(habit), schedule, {
      today: localDateIn(user.timezone),
      weekStart: user.weekStart,
      startDate: habit.startDate,
    }) as typeof habit.schedules;
  }
  if (archived !== undefined) {
    habit.archivedAt = archived ? (habit.archivedAt ?? new Date()) : null;
  }
  await habit.save();

  return habit;
}

/**
 * Puts the given habits in the given order, in the places they held among themselves, so a
 * page of the list can be reordered alone. Throws NOT_FOUND when any id is not the user's.
 */
export async function reorderHabits(userId: string, ids: string[]): Promise<void> {
  const habits = await HabitModel.find({ _id: { $in: ids }, userId }, { position: 1 });
  if (habits.length !== ids.length) {
    throw notFound('Habit');
  }

  const slots = habits.map((habit) => habit.position).sort((a, b) => a - b);
  // Equal positions (two habits created at once) become distinct, increasing slots.
  const distinct: number[] = [];
  slots.forEach((slot, index) => {
    distinct.push(index === 0 ? slot : Math.max(slot, (distinct[index - 1] ?? 0) + 1));
  });
  await HabitModel.bulkWrite(
    ids.map((id, index) => ({
      updateOne: { filter: { _id: id, userId }, update: { $set: { position: distinct[index] } } },
    })),
  );
}

/** Deletes the habit and all of its completions. */
export async function deleteHabit(userId: string, habitId: string): Promise<void> {
  const habit = await getHabit(userId, habitId);
  await CompletionModel.deleteMany({ userId, habitId: habit._id });
  await habit.deleteOne();
}

/**
 * Records a day: done (with a measurable habit's value) or skipped, with an optional note.
 * Idempotent: repeating it, or racing it from two tabs, leaves one completion, because the unique
 * (habitId, date) index rejects the second insert. Throws VALIDATION_FAILED for a day after the
 * user's today or a value that does not fit the habit's kind; recording a day before the habit's
 * start moves the start back to it. The day becomes the user's own (`source: 'hand'`), so it stays
 * when a workout that had marked it is deleted.
 */
export async function markCompletion(
  userId: string,
  { habitId, date, status = 'done', value, note }: CompletionInput,
): Promise<CompletionDocument> {
  const [habit, user] = await Promise.all([getHabit(userId, habitId), getUser(userId)]);
  const today = localDateIn(user.timezone);
  throwIfAny(completionErrors(habit, { date, status, value, today, timeZone: user.timezone }));

  const changes: Record<string, unknown> = {
    status,
    value: value ?? null,
    source: 'hand',
  };
  if (note !== undefined) {
    changes.note = note;
  }
  await upsertCompletion(habit._id, userId, date, changes);
  if (date < habit.startDate) {
    await moveStartBack(habit._id, date);
  }

  return getCompletion(habit._id, date);
}

async function getCompletion(habitId: Types.ObjectId, date: string): Promise<CompletionDocument> {
  const completion = await CompletionModel.findOne({ habitId, date });
  if (!completion) {
    // Only when the same day was undone between the write and this read.
    throw notFound('Completion');
  }

  return completion;
}

function completionErrors(
  habit: HabitDocument,
  input: {
    date: string;
    status: CompletionStatus;
    value?: number;
    today: string;
    timeZone: string;
  },
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.date > input.today) {
    errors.push({
      field: 'date',
      message: `Must not be after today (${input.today} in ${input.timeZone})`,
    });
  }
  if (habit.kind === 'boolean' && input.value !== undefined) {
    errors.push({ field: 'value', message: 'Only a measurable habit takes a value' });
  }
  if (habit.kind === 'measurable' && input.status === 'done' && input.value === undefined) {
    errors.push({ field: 'value', message: 'Required for a measurable habit' });
  }
  if (habit.kind === 'measurable' && input.status === 'skipped' && input.value !== undefined) {
    errors.push({ field: 'value', message: 'A skipped day has no value' });
  }

  return errors;
}

async function upsertCompletion(
  habitId: Types.ObjectId,
  userId: string,
  date: string,
  changes: object,
): Promise<void> {
  const filter = { habitId, date };
  const update = { $set: changes, $setOnInsert: { userId, ...periodKeysOf(date) } };
  try {
    await CompletionModel.updateOne(filter, update, { upsert: true });
  } catch (error) {
    // Two upserts raced and both tried to insert: the loser updates the winner's document.
    if ((error as { code?: unknown }).code !== 11000) {
      throw error;
    }
    await CompletionModel.updateOne(filter, { $set: changes });
  }
}

/** The week and month keys a completion is stored with, for statistics to `$group` by. */
function periodKeysOf(date: string) {
  return {
    isoWeek: isoWeekKeyOf(date),
    sundayWeek: weekStartOf(date, 'sunday'),
    month: monthKeyOf(date),
  };
}

/**
 * Moves the habit's start (and its first schedule's) back to `date`. FerretDB updates are not
 * atomic, so two concurrent moves could leave the later date: re-read and retry until it holds.
 */
async function moveStartBack(habitId: Types.ObjectId, date: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await HabitModel.updateOne(
      { _id: habitId, startDate: { $gt: date } },
      { $set: { startDate: date, 'schedules.0.from': date } },
    );
    const habit = await HabitModel.findById(habitId, { startDate: 1 });
    if (!habit || habit.startDate <= date) {
      return;
    }
  }
  throw new AppError('CONFLICT', 'Start date kept changing', {
    userMessage: 'Please try again',
  });
}

/** Undoes a day (done or skipped); undoing a day with nothing recorded is harmless. */
export async function unmarkCompletion(
  userId: string,
  { habitId, date }: { habitId: string; date: string },
): Promise<void> {
  const habit = await getHabit(userId, habitId);
  await CompletionModel.deleteOne({ habitId: habit._id, date });
}

/** The habit's schedules as the rules read them. */
export function schedulesOf(habit: HabitDocument): ScheduleRule[] {
  return habit.schedules.map((rule) => ({
    from: rule.from,
    type: rule.type,
    ...(rule.days && rule.days.length > 0 ? { days: [...rule.days] } : {}),
    ...(typeof rule.times === 'number' ? { times: rule.times } : {}),
    ...(typeof rule.interval === 'number' ? { interval: rule.interval } : {}),
  }));
}

export function currentSchedule(habit: HabitDocument): ScheduleInput {
  const { from: _from, ...rule } = schedulesOf(habit).at(-1) as ScheduleRule;

  return rule;
}

export function targetOf(habit: HabitDocument): TargetInput | null {
  if (!habit.target) {
    return null;
  }

  return {
    type: habit.target.type,
    value: habit.target.value,
    unit: habit.target.unit,
  };
}

/**
 * What a habit's kind, schedule and target must agree on: a measurable habit has a target and a
 * yes/no one has none; weekdays need `days`, every-N-days an `interval`; a yes/no weekly or
 * monthly habit needs `times`, while a measurable one's target is the period's total instead.
 */
function shapeErrors(
  kind: HabitKind,
  schedule: ScheduleInput,
  target: TargetInput | null,
): FieldError[] {
  const errors: FieldError[] = [];
  const wrong = (field: string, message: string) => errors.push({ field, message });
  if (kind === 'measurable' && !target) {
    wrong('target', 'Required for a measurable habit');
  }
  if (kind === 'boolean' && target) {
    wrong('target', 'Only a measurable habit has a target');
  }

  const isPeriod = schedule.type === 'weekly' || schedule.type === 'monthly';
  const needs = {
    days: schedule.type === 'weekdays',
    times: isPeriod && kind === 'boolean',
    interval: schedule.type === 'interval',
  };
  for (const field of ['days', 'times', 'interval'] as const) {
    if (needs[field] && schedule[field] === undefined) {
      wrong(`schedule.${field}`, `Required for a ${schedule.type} schedule`);
    }
    if (!needs[field] && schedule[field] !== undefined) {
      wrong(`schedule.${field}`, `Not used by this schedule (${schedule.type}, ${kind})`);
    }
  }
  if (schedule.type === 'weekly' && (schedule.times ?? 0) > 7) {
    wrong('schedule.times', 'Must be at most 7 for a weekly schedule');
  }

  return errors;
}

// A workout marks its day done without a value, which only a yes/no habit can take.
function workoutLinkErrors(kind: HabitKind, linkedToWorkouts: boolean | undefined): FieldError[] {
  return kind === 'measurable' && linkedToWorkouts
    ? [{ field: 'linkedToWorkouts', message: 'Only a yes/no habit can be done by a workout' }]
    : [];
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0) {
    throw validationFailed(errors);
  }
}

/**
 * Marks the user's workout-linked habits done on a day a workout was logged. A day the user has
 * recorded by hand (done or skipped) is left as it is. The day is not checked against the user's
 * today: the workout is saved already, and its day was checked there (a workout may fall on the
 * day after the user's today; see workouts/service.ts, and `evaluationEnd` in progress.ts for how
 * statistics count such a day).
 */
export async function markWorkoutDay(userId: string, date: string): Promise<void> {
  await markWorkoutDays(userId, [date]);
}

/** markWorkoutDay for several days at once (an import's batch): the habits are read once. */
export async function markWorkoutDays(userId: string, dates: readonly string[]): Promise<void> {
  if (dates.length === 0) {
    return;
  }
  const earliest = dates.reduce((first, date) => (date < first ? date : first));
  for (const habit of await findHabitsLinkedToWorkouts(userId)) {
    for (const date of dates) {
      await insertWorkoutMark(habit, date);
    }
    if (earliest < habit.startDate) {
      await moveStartBack(habit._id, earliest);
    }
  }
}

/** Inserts a workout's mark unless the day has a completion already (which then stays as it is). */
async function insertWorkoutMark(habit: HabitDocument, date: string): Promise<void> {
  try {
    await CompletionModel.create({
      userId: habit.userId,
      habitId: habit._id,
      date,
      ...periodKeysOf(date),
      status: 'done',
      source: 'workout',
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 11000) {
      throw error;
    }
  }
}

/**
 * Takes back the marks that workouts made on a day (call it once no workout remains that day), of
 * every habit, linked still or not; days the user recorded by hand stay.
 */
export async function unmarkWorkoutDay(userId: string, date: string): Promise<void> {
  await CompletionModel.deleteMany({ userId, date, source: 'workout' });
}

/** The user's active habits that logging a workout marks done. */
async function findHabitsLinkedToWorkouts(userId: string): Promise<HabitDocument[]> {
  return HabitModel.find({
    userId,
    kind: 'boolean',
    linkedToWorkouts: true,
    archivedAt: null,
  }).limit(100);
}

/** A habit as an import restores it: its whole schedule history and its start. */
export interface ImportedHabitInput {
  name: string;
  description: string;
  color: string | null;
  icon: string;
  kind: HabitKind;
  target: TargetInput | null;
  /** Oldest first; the first one's `from` is the start date. */
  schedules: ScheduleRule[];
  reminderTime: string | null;
  archived: boolean;
  linkedToWorkouts: boolean;
  /** Its place in the list; by default after the user's last habit. */
  position?: number;
}

/** A day as an import restores it. */
export interface ImportedDay {
  date: string;
  status: StoredCompletionStatus;
  value: number | null;
  note: string;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
const REMINDER_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_NOTE_CHARS = 500;

/** The place after the user's last habit. */
export async function nextHabitPosition(userId: string): Promise<number> {
  const last = await HabitModel.findOne({ userId }, { position: 1 }).sort({ position: -1 });

  return (last?.position ?? -1) + 1;
}

/**
 * Creates a habit from an import, by the rules a habit entered by hand obeys (its kind, schedules
 * and target must fit together; no start after today). Throws VALIDATION_FAILED naming the field.
 */
export async function importHabit(
  userId: string,
  input: ImportedHabitInput,
): Promise<HabitDocument> {
  const user = await getUser(userId);
  const today = localDateIn(user.timezone);
  const errors = importedHabitErrors(input, today);
  throwIfAny(errors);

  const startDate = input.schedules[0]!.from;
  const habit = new HabitModel({
    userId,
    name: input.name,
    description: input.description,
    ...(input.color ? { color: input.color } : {}),
    icon: input.icon,
    kind: input.kind,
    target: input.target,
    startDate,
    schedules: input.schedules,
    reminderTime: input.reminderTime,
    position: input.position ?? (await nextHabitPosition(userId)),
    archivedAt: input.archived ? new Date() : null,
    linkedToWorkouts: input.linkedToWorkouts,
  });
  await habit.save();

  return habit;
}

function importedHabitErrors(input: ImportedHabitInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const wrong = (field: string, message: string) => errors.push({ field, message });
  if (input.name.trim() === '' || input.name.length > 100) {
    wrong('name', 'Must be 1 to 100 characters');
  }
  if (input.description.length > 500) {
    wrong('description', 'Must be at most 500 characters');
  }
  if (input.color !== null && !COLOR.test(input.color)) {
    wrong('color', 'Must be a colour written #rrggbb');
  }
  if (input.icon.length > 16) {
    wrong('icon', 'Must be at most 16 characters');
  }
  if (input.reminderTime !== null && !REMINDER_TIME.test(input.reminderTime)) {
    wrong('reminderTime', 'Must be a time written HH:MM');
  }
  const target = input.target;
  if (target && !(target.value >= 0.001 && target.value <= MAX_TARGET_VALUE)) {
    wrong('target.value', `Must be a number from 0.001 to ${MAX_TARGET_VALUE}`);
  }
  if (input.schedules.length === 0) {
    wrong('schedules', 'Required');
  }
  let previous = '';
  for (const rule of input.schedules) {
    const { from, ...schedule } = rule;
    if (!isLocalDate(from) || from <= previous || from > today) {
      wrong('schedules.from', `Must be dates in increasing order, none after today (${today})`);
    }
    previous = from;
    errors.push(...shapeErrors(input.kind, schedule, target));
  }
  errors.push(...workoutLinkErrors(input.kind, input.linkedToWorkouts));

  return errors;
}

/** Why an imported day cannot be recorded on the habit, or null when it can. */
export function importedDayError(kind: HabitKind, day: ImportedDay, today: string): string | null {
  if (!isLocalDate(day.date) || day.date > today) {
    return `The date must be a real day, not after today (${today})`;
  }
  if (day.value !== null && (kind === 'boolean' || day.status !== 'done')) {
    return kind === 'boolean'
      ? 'Only a measurable habit takes a value'
      : 'Only a done day has a value';
  }
  if (kind === 'measurable' && day.status === 'done' && day.value === null) {
    return 'A measurable habit needs a value on a done day';
  }
  if (day.value !== null && !(day.value >= 0 && day.value <= MAX_TARGET_VALUE)) {
    return `The value must be from 0 to ${MAX_TARGET_VALUE}`;
  }

  return null;
}

/**
 * Records imported days of a habit, leaving days it already has as they are (so an import run
 * twice writes nothing the second time), and moves its start back to the earliest day. The days
 * must have passed `importedDayError`. Returns how many were written.
 */
export async function importDays(
  userId: string,
  habit: HabitDocument,
  days: readonly ImportedDay[],
): Promise<number> {
  if (days.length === 0) {
    return 0;
  }
  const dates = days.map((day) => day.date);
  const existing = await CompletionModel.find(
    { habitId: habit._id, date: { $in: dates } },
    { date: 1 },
  ).lean();
  const taken = new Set(existing.map((row) => row.date));
  const fresh = new Map<string, ImportedDay>();
  for (const day of days) {
    if (!taken.has(day.date)) {
      fresh.set(day.date, day);
    }
  }

  const documents = [...fresh.values()].map((day) => ({
    userId,
    habitId: habit._id,
    date: day.date,
    isoWeek: isoWeekKeyOf(day.date),
    sundayWeek: weekStartOf(day.date, 'sunday'),
    month: monthKeyOf(day.date),
    status: day.status,
    value: day.value,
    note: day.note.slice(0, MAX_NOTE_CHARS),
  }));
  const written = await insertIgnoringDuplicates(documents);
  const earliest = dates.reduce((min, date) => (date < min ? date : min));
  if (earliest < habit.startDate) {
    await moveStartBack(habit._id, earliest);
    habit.startDate = earliest;
  }

  return written;
}

// A day recorded by hand between the read and the insert is kept: the unique index refuses ours.
async function insertIgnoringDuplicates(documents: object[]): Promise<number> {
  if (documents.length === 0) {
    return 0;
  }
  try {
    await CompletionModel.insertMany(documents, { ordered: false });

    return documents.length;
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
    if (!writeErrors || writeErrors.some((item) => item.code !== 11000)) {
      throw error;
    }

    return documents.length - writeErrors.length;
  }
}

/** How many of the days the habit has recorded already (an import's preview). */
export async function countExistingDays(
  habit: HabitDocument,
  days: readonly ImportedDay[],
): Promise<number> {
  return CompletionModel.countDocuments({
    habitId: habit._id,
    date: { $in: days.map((day) => day.date) },
  });
}

/** Whether the habit is still the user's (an import keeps ids of habits it made). */
export async function findOwnHabit(userId: string, habitId: string): Promise<HabitDocument | null> {
  return HabitModel.findOne({ _id: habitId, userId });
}

/** The user's habits in list order, each with its days oldest first, one habit at a time. */
export async function* streamHabitsWithDays(
  userId: string,
): AsyncGenerator<{ habit: HabitDocument; days: CompletionDocument[] }> {
  const cursor = HabitModel.find({ userId }).sort({ position: 1, _id: 1 }).cursor();
  for await (const habit of cursor) {
    const days = await CompletionModel.find({ habitId: habit._id }).sort({ date: 1 });
    yield { habit, days };
  }
}

/** Deletes every habit and day of the user (account deletion). */
export async function deleteAllHabits(userId: string): Promise<void> {
  await CompletionModel.deleteMany({ userId });
  await HabitModel.deleteMany({ userId });
  await forgetPositions(userId);
}
