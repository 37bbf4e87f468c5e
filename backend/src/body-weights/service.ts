import { notFound, validationFailed } from '../lib/errors';
import { isLocalDate, isOnOrAfterEarliest, latestRecordableDate } from '../lib/time';
import { getUser } from '../users/service';
import { toKg, type WeightUnit } from '../workouts/units';
import { BodyWeightModel, type BodyWeightDocument } from './model';
import { MAX_BODY_WEIGHT } from './validation';

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

/**
 * Saves imported entries (kilograms) for days that have none, leaving recorded days as they are.
 * Returns how many were written and the entries refused (a bad date or weight).
 */
export async function importBodyWeights(
  userId: string,
  entries: ReadonlyArray<{ date: string; weightKg: number }>,
): Promise<{ written: number; refused: number }> {
  const valid = entries.filter(
    (entry) =>
      isLocalDate(entry.date) &&
      isOnOrAfterEarliest(entry.date) &&
      typeof entry.weightKg === 'number' &&
      entry.weightKg > 0 &&
      entry.weightKg <= MAX_BODY_WEIGHT,
  );
  const existing = await BodyWeightModel.find(
    { userId, date: { $in: valid.map((entry) => entry.date) } },
    { date: 1 },
  ).lean();
  const taken = new Set(existing.map((row) => row.date));
  const fresh = valid.filter((entry) => !taken.has(entry.date));
  for (const entry of fresh) {
    try {
      await BodyWeightModel.create({ userId, date: entry.date, weightKg: entry.weightKg });
    } catch (error) {
      // Saved by hand meanwhile: that entry stays.
      if ((error as { code?: unknown }).code !== 11000) {
        throw error;
      }
    }
  }

  return { written: fresh.length, refused: entries.length - valid.length };
}

/** Every entry of the user, oldest first, read lazily. */
export function streamBodyWeights(userId: string): AsyncIterable<BodyWeightDocument> {
  return BodyWeightModel.find({ userId }).sort({ date: 1 }).cursor();
}

/** Deletes every entry of the user (account deletion). */
export async function deleteAllBodyWeights(userId: string): Promise<void> {
  await BodyWeightModel.deleteMany({ userId });
}
