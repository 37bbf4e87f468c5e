import { maxDate, shiftDate } from './calendar';
import { creditOf, frequencyOf, isPeriodSchedule, isRealDay, ruleOn } from './schedule';
import type { EntryMap, HabitRules, ScheduleRule, Target } from './types';

/**
 * The strength score, exponential smoothing as in Loop Habit Tracker. Each real day from the
 * habit's start:
 *
 *     score = previous * m + today * (1 - m),   m = 0.5 ^ (sqrt(f) / HALF_LIFE_DAYS)
 *
 * - `f` is the schedule's repetitions per day (`frequencyOf`), so a daily habit's score halves
 *   towards its new level every 13 days and a once-a-week habit's every 13 * sqrt(7) ≈ 34 days.
 * - `today` (0 to 1) is how much of the schedule's demand the trailing window ending that day
 *   met: 1 day for daily, 7 days for weekdays and weekly, 30 days for monthly, N days for every N
 *   days; divided by what the window asks (1; the k chosen weekdays; N; less in proportion to
 *   the skipped days in it), capped at 1. A measurable day counts its share of the target
 *   (`creditOf`). For a measurable weekly or monthly target, `today` is the window's total over
 *   the target (at least), or 1 while the total stays within the limit (at most).
 * - A skipped day leaves the score as it was. The score starts at 0 the day before the start.
 *
 * From zero a daily habit scores 0.052 after one check, 0.5 after 13 in a row, 0.80 after 30.
 */
export const HALF_LIFE_DAYS = 13;

/** The score is computed from this many half-lives back: what came earlier weighs < 0.1%. */
export const SCORE_HALF_LIVES = 10;

export function multiplierOf(frequency: number): number {
  return 0.5 ** (Math.sqrt(frequency) / HALF_LIFE_DAYS);
}

/** Days of history the score at some day depends on, to within 0.1%, for a schedule. */
export function scoreLookbackDays(rule: ScheduleRule, target: Target | null): number {
  const halfLife = HALF_LIFE_DAYS / Math.sqrt(frequencyOf(rule, target));

  return Math.ceil(halfLife * SCORE_HALF_LIVES) + windowOf(rule).length;
}

function windowOf(rule: ScheduleRule): { length: number; required: number } {
  switch (rule.type) {
    case 'daily':
      return { length: 1, required: 1 };
    case 'weekdays':
      return { length: 7, required: Math.max(1, rule.days?.length ?? 7) };
    case 'weekly':
      return { length: 7, required: rule.times ?? 1 };
    case 'monthly':
      return { length: 30, required: rule.times ?? 1 };
    case 'interval':
      return { length: rule.interval ?? 1, required: 1 };
  }
}

/** What one day contributes (0 to 1), judged over the trailing window ending on `date`. */
export function dayValueOf(
  habit: HabitRules,
  rule: ScheduleRule,
  entries: EntryMap,
  date: string,
): number {
  const { length, required } = windowOf(rule);
  const target = habit.target;
  if (target && isPeriodSchedule(rule)) {
    let total = 0;
    let hasEntry = false;
    for (let back = 0; back < length; back += 1) {
      const entry = entries.get(shiftDate(date, -back));
      if (entry?.status === 'done') {
        total += entry.value ?? 0;
        hasEntry = true;
      }
    }
    if (target.type === 'atMost') {
      return hasEntry && total <= target.value ? 1 : 0;
    }

    return Math.min(1, total / target.value);
  }

  let credit = 0;
  let skipped = 0;
  for (let back = 0; back < length; back += 1) {
    const entry = entries.get(shiftDate(date, -back));
    skipped += entry?.status === 'skipped' ? 1 : 0;
    credit += creditOf(entry, target);
  }
  // Skipped days ask nothing: the window's demand shrinks with them. The day itself is never
  // skipped here (skipped days hold the score), so the demand stays above 0.
  const demand = (required * (length - skipped)) / length;

  return Math.min(1, credit / demand);
}

/**
 * The score (0 to 1) at the end of `to`, from the days since `from` (or the habit's start).
 * Pass `from` = `to` minus `scoreLookbackDays` to bound the work; see SCORE_HALF_LIVES. The
 * `openDay` (the user's today) leaves the score as it was until something is recorded for it.
 */
export function computeScore(
  habit: HabitRules,
  entries: EntryMap,
  { from, to, openDay }: { from: string; to: string; openDay?: string },
): number {
  let score = 0;
  for (let date = maxDate(from, habit.startDate); date <= to; date = shiftDate(date, 1)) {
    const entry = entries.get(date);
    // The day under way counts once something is recorded for it, not before it is over.
    if (!isRealDay(habit, date) || entry?.status === 'skipped' || (date === openDay && !entry)) {
      continue;
    }
    const rule = ruleOn(habit, date);
    const m = multiplierOf(frequencyOf(rule, habit.target));
    score = score * m + dayValueOf(habit, rule, entries, date) * (1 - m);
  }

  return score;
}
