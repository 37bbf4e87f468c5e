import { notFound, validationFailed } from '../lib/errors';
import { latestRecordableDate } from '../lib/time';
import { getUser } from '../users/service';
import { toKg, type WeightUnit } from '../workouts/units';
import { BodyWeightModel, type BodyWeightDocument } from './model';

export interface BodyWeightQuery {
  from?: string;
  to?: string;
  limit?: number;
}

const DEFAULT_ENTRIES = 365;

/** The newest entries first, within the dates given (both included). */
export async function findBodyWeights(
  userId: string,
  { from, to, limit = DEFAULT_ENTRIES }: BodyWeightQuery,
): Promise<BodyWeightDocument[]> {
  const date: Record<string, string> = {};
  if (from) {
    date.$gte = from;
  }
  if (to) {
    date.$lte = to;
  }
  const filter = from || to ? { userId, date } : { userId };

  return BodyWeightModel.find(filter).sort({ date: -1 }).limit(limit);
}

/** Saves the weight of a day, replacing that day's entry; idempotent and safe to race. */
export async function saveBodyWeight(
  userId: string,
  { date, weight, unit }: { date: string; weight: number; unit?: WeightUnit },
): Promise<BodyWeightDocument> {
  const user = await getUser(userId);
  // The same bound as a workout's day: the user's today, plus one for a clock or zone ahead.
  const latest = latestRecordableDate(user.timezone);
  if (date > latest) {
    throw validationFailed([
      {
        field: 'date',
        message: `Must not be after ${latest}, the day after today in ${user.timezone}`,
      },
    ]);
  }
  const weightKg = toKg(weight, unit ?? user.unit);
  const filter = { userId, date };
  try {
    await BodyWeightModel.updateOne(filter, { $set: { weightKg } }, { upsert: true });
  } catch (error) {
    // Two upserts raced and both tried to insert: the loser updates the winner's document.
    if ((error as { code?: unknown }).code !== 11000) {
      throw error;
    }
    await BodyWeightModel.updateOne(filter, { $set: { weightKg } });
  }

  const saved = await BodyWeightModel.findOne(filter);
  if (!saved) {
    throw notFound('Body weight');
  }

  return saved;
}

export async function deleteBodyWeight(userId: string, date: string): Promise<void> {
  const { deletedCount } = await BodyWeightModel.deleteOne({ userId, date });
  if (deletedCount === 0) {
    throw notFound('Body weight');
  }
}
