import { logger } from '../lib/logger';
import { isRedisUnavailable, redis } from '../lib/redis';
import { HabitModel } from './model';

// The next place at the end of a user's list, handed out by one atomic Redis script, so habits
// created at once get distinct places: FerretDB has no atomic $inc and no transactions
// (DATABASE.md). `floor` is the last place in the database, read just before; the counter never
// goes below it, so a counter lost with Redis's data restarts past every existing habit.
const NEXT_PLACE = `
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
local next = math.max(last, tonumber(ARGV[1])) + 1
redis.call('SET', KEYS[1], next, 'EX', ARGV[2])
return next
`;

const keyOf = (userId: string) => `habits:next-position:${userId}`;
// An idle counter may go: it restarts from the database's last place.
const IDLE_SECONDS = 30 * 24 * 3600;

/** The place of a new habit at the end of the user's list, distinct from any other's. */
export async function nextPosition(userId: string): Promise<number> {
  const last = await HabitModel.findOne({ userId }, { position: 1 }).sort({ position: -1 });
  const floor = last?.position ?? -1;
  try {
    return Number(await redis.eval(NEXT_PLACE, 1, keyOf(userId), floor, IDLE_SECONDS));
  } catch (error) {
    if (!isRedisUnavailable(error)) {
      throw error;
    }
    // Without Redis two habits created at the same moment may share a place; the list orders
    // them by id and a reorder makes them distinct (reorderHabits).
    logger.warn('habit position without redis', { error: (error as Error).message });

    return floor + 1;
  }
}

/** Drops the user's counter (account deletion): no key of a deleted account stays in Redis. */
export async function forgetPositions(userId: string): Promise<void> {
  await redis.del(keyOf(userId));
}
