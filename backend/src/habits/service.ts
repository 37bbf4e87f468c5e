import type { Types } from 'mongoose';

import { notFound } from '../lib/errors';
import { DEFAULT_PAGE_SIZE, toPage, type Page, type PageQuery } from '../lib/pagination';
import { CompletionModel, HabitModel, type CompletionDocument, type HabitDocument } from './model';

export interface HabitInput {
  name: string;
  description?: string;
  color?: string;
  linkedToWorkouts?: boolean;
}

export interface CompletionInput {
  habitId: string;
  date: string;
  note?: string;
}

export interface HabitWithCompletion {
  habit: HabitDocument;
  completion: CompletionDocument | null;
}

/** Returns the user's habit or throws NOT_FOUND, also for another user's habit. */
export async function getHabit(userId: string, habitId: string): Promise<HabitDocument> {
  const habit = await HabitModel.findOne({ _id: habitId, userId });
  if (!habit) {
    throw notFound('Habit');
  }

  return habit;
}

/** Habits in the user's order (position, then creation), a page at a time. */
export async function findHabits(
  userId: string,
  { limit = DEFAULT_PAGE_SIZE, cursor }: PageQuery,
): Promise<Page<HabitDocument>> {
  const filter: Record<string, unknown> = { userId, archivedAt: null };
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

export async function createHabit(userId: string, input: HabitInput): Promise<HabitDocument> {
  const last = await HabitModel.findOne({ userId }, { position: 1 }).sort({ position: -1 });

  return HabitModel.create({ ...input, userId, position: (last?.position ?? -1) + 1 });
}

export async function updateHabit(
  userId: string,
  habitId: string,
  changes: Partial<HabitInput>,
): Promise<HabitDocument> {
  const habit = await getHabit(userId, habitId);
  habit.set(changes);
  await habit.save();

  return habit;
}

/** Deletes the habit and all of its completions. */
export async function deleteHabit(userId: string, habitId: string): Promise<void> {
  const habit = await getHabit(userId, habitId);
  await CompletionModel.deleteMany({ userId, habitId: habit._id });
  await habit.deleteOne();
}

/**
 * Marks a day done. Idempotent: repeating it, or racing it from two tabs, leaves one completion,
 * because the unique (habitId, date) index rejects the second insert.
 */
export async function markCompletion(
  userId: string,
  { habitId, date, note }: CompletionInput,
): Promise<CompletionDocument> {
  const habit = await getHabit(userId, habitId);
  const changes = note === undefined ? { status: 'done' } : { status: 'done', note };

  await upsertCompletion(habit._id, userId, date, changes);
  const completion = await CompletionModel.findOne({ habitId: habit._id, date });
  if (!completion) {
    throw notFound('Completion');
  }

  return completion;
}

async function upsertCompletion(
  habitId: Types.ObjectId,
  userId: string,
  date: string,
  changes: object,
): Promise<void> {
  const filter = { habitId, date };
  const update = { $set: changes, $setOnInsert: { userId } };
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

export async function unmarkCompletion(
  userId: string,
  { habitId, date }: CompletionInput,
): Promise<void> {
  const habit = await getHabit(userId, habitId);
  await CompletionModel.deleteOne({ habitId: habit._id, date });
}

/** The user's active habits with their completion for one local date. */
export async function findHabitsForDay(
  userId: string,
  date: string,
): Promise<HabitWithCompletion[]> {
  const [habits, completions] = await Promise.all([
    HabitModel.find({ userId, archivedAt: null }).sort({ position: 1, _id: 1 }).limit(500),
    CompletionModel.find({ userId, date }),
  ]);
  const byHabit = new Map(
    completions.map((completion) => [String(completion.habitId), completion]),
  );

  return habits.map((habit) => ({ habit, completion: byHabit.get(habit.id) ?? null }));
}

/** The user's active habits that logging a workout marks done. */
export async function findHabitsLinkedToWorkouts(userId: string): Promise<HabitDocument[]> {
  return HabitModel.find({ userId, linkedToWorkouts: true, archivedAt: null }).limit(100);
}
