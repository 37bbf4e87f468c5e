import { maxDate, monthKeyOf, monthStartOf, shiftDate, weekStartOf, weekKeyOf } from './calendar';
import { creditOf, expectedOn, isPeriodSchedule, isRealDay, ruleOn } from './schedule';
import type { EntryMap, HabitRules } from './types';

export interface RateBucket {
  /** `YYYY-Www` (Monday weeks), the Sunday's date (Sunday weeks), or `YYYY-MM`. */
  key: string;
  start: string;
  /** Repetitions the schedule asked for in the bucket's days (fractions for weekly, monthly…). */
  expected: number;
  /** Repetitions done towards them. */
  achieved: number;
  /** achieved / expected capped at 1; null when nothing was asked (all skipped, not started). */
  rate: number | null;
}

/**
 * Completion rate per calendar week or month over [from, to]. Each real day from the habit's
 * start asks `expectedOn` repetitions (1 a day for daily; 1 on chosen weekdays; N/7 a day for N a
 * week; N/days-in-month for N a month; 1/N for every N days); a skipped day asks nothing. A day
 * done gives its credit (1, or a measurable day's share of its target; for weekdays only on a
 * chosen day). A measurable weekly or monthly target asks 1/7 or 1/days-in-month of the target a
 * day and is given the values entered; an "at most" bucket scores how far its total stayed within
 * the pro-rated limit.
 */
export function rateBuckets(
  habit: HabitRules,
  entries: EntryMap,
  { from, to, by }: { from: string; to: string; by: 'week' | 'month' },
): RateBucket[] {
  const buckets = new Map<string, RateBucket & { total: number; limit: number; entries: number }>();
  const keyOf = (date: string) =>
    by === 'week' ? weekKeyOf(date, habit.weekStart) : monthKeyOf(date);
  const startOf = (date: string) =>
    by === 'week' ? weekStartOf(date, habit.weekStart) : monthStartOf(date);

  for (let date = from; date <= to; date = shiftDate(date, 1)) {
    const key = keyOf(date);
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = {
        key,
        start: maxDate(startOf(date), from),
        expected: 0,
        achieved: 0,
        rate: null,
        total: 0,
        limit: 0,
        entries: 0,
      };
      buckets.set(key, bucket);
    }
    if (date < habit.startDate || !isRealDay(habit, date)) {
      continue;
    }
    const entry = entries.get(date);
    if (entry?.status === 'skipped') {
      continue;
    }
    const rule = ruleOn(habit, date);
    const expected = expectedOn(habit, rule, date);
    bucket.expected += expected;
    if (habit.target && isPeriodSchedule(rule)) {
      const value = entry?.status === 'done' ? (entry.value ?? 0) : 0;
      bucket.entries += entry?.status === 'done' ? 1 : 0;
      bucket.total += value;
      bucket.limit += expected * habit.target.value;
      bucket.achieved += habit.target.type === 'atLeast' ? value / habit.target.value : 0;
      continue;
    }
    if (rule.type !== 'weekdays' || expected > 0) {
      bucket.achieved += creditOf(entry, habit.target);
    }
  }

  return [...buckets.values()].map(({ total, limit, entries: entered, ...bucket }) => {
    const isLimit = habit.target?.type === 'atMost' && limit > 0;
    const achieved = isLimit
      ? atMostAchievement(total, limit, entered) * bucket.expected
      : bucket.achieved;
    const rate = bucket.expected > 0 ? round(Math.min(1, achieved / bucket.expected), 4) : null;

    return { ...bucket, achieved: round(achieved, 3), expected: round(bucket.expected, 3), rate };
  });
}

// Within the limit scores 1 (once something was entered); over it, the share the limit allows.
function atMostAchievement(total: number, limit: number, entered: number): number {
  if (entered === 0) {
    return 0;
  }

  return total <= limit ? 1 : limit / total;
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
