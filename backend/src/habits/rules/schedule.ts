import {
  daysInMonthOf,
  maxDate,
  monthStartOf,
  shiftDate,
  weekStartOf,
  weekdayOf,
  type WeekStart,
} from './calendar';
import type { Entry, EntryMap, HabitRules, ScheduleRule, Target } from './types';

/** A stretch of days under one schedule: `end` is null for the schedule in force now. */
export interface Segment {
  rule: ScheduleRule;
  start: string;
  end: string | null;
}

/**
 * The habit's schedules as consecutive stretches of days. The first starts on the habit's start
 * date whatever its `from`; a schedule replaced before it began (two changes in one period) is
 * dropped.
 */
export function segmentsOf(habit: HabitRules): Segment[] {
  const segments: Segment[] = [];
  habit.schedules.forEach((rule, index) => {
    const next = habit.schedules[index + 1];
    const start = index === 0 ? habit.startDate : maxDate(rule.from, habit.startDate);
    const end = next ? shiftDate(next.from, -1) : null;
    if (end === null || end >= start) {
      segments.push({ rule, start, end });
    }
  });

  return segments;
}

/** The schedule in force on `date` (the first one for dates before the habit started). */
export function ruleOn(habit: HabitRules, date: string): ScheduleRule {
  let current = habit.schedules[0] as ScheduleRule;
  for (const rule of habit.schedules) {
    if (rule.from <= date) {
      current = rule;
    }
  }

  return current;
}

export function isPeriodSchedule(rule: ScheduleRule): boolean {
  return rule.type === 'weekly' || rule.type === 'monthly';
}

/**
 * Repetitions per day (Loop Habit Tracker's `f`): 1 for daily, k/7 for k weekdays, N/7 and N/30
 * for N per week or month, 1/N for every N days. A measurable weekly or monthly target is one
 * repetition (its total) per period.
 */
export function frequencyOf(rule: ScheduleRule, target: Target | null): number {
  switch (rule.type) {
    case 'daily':
      return 1;
    case 'weekdays':
      return (rule.days?.length ?? 7) / 7;
    case 'weekly':
      return target ? 1 / 7 : (rule.times ?? 1) / 7;
    case 'monthly':
      return target ? 1 / 30 : (rule.times ?? 1) / 30;
    case 'interval':
      return 1 / (rule.interval ?? 1);
  }
}

/**
 * How much a day's entry counts towards a day-based target, from 0 to 1: a yes/no day done is 1;
 * a measurable "at least" day counts its share of the target (so zeros never count); an "at
 * most" day counts 1 only when a value was entered and stays within the target (no entry means
 * we cannot tell zero from forgotten). Skipped days and missing entries count 0.
 */
export function creditOf(entry: Entry | undefined, target: Target | null): number {
  if (!entry || entry.status !== 'done') {
    return 0;
  }
  if (!target) {
    return 1;
  }
  const value = entry.value ?? 0;
  if (target.type === 'atMost') {
    return value <= target.value ? 1 : 0;
  }

  return Math.min(1, value / target.value);
}

/** Whether a day's entry fully meets a day-based target. */
export function isDayMet(entry: Entry | undefined, target: Target | null): boolean {
  return creditOf(entry, target) >= 1;
}

/** Whether a day was done (fully) or skipped: either way it resets an interval's count. */
function isDoneOrSkipped(entry: Entry | undefined, target: Target | null): boolean {
  return entry?.status === 'skipped' || isDayMet(entry, target);
}

/** Days that count: calendar days minus those that never happened in the user's zone. */
export function isRealDay(habit: HabitRules, date: string): boolean {
  return !habit.missingDates?.has(date);
}

/**
 * The last day before `date` (back to `earliest`) that was done or skipped, or null. Walks real
 * days only, at most `limit` of them.
 */
export function lastDoneBefore(
  habit: HabitRules,
  entries: EntryMap,
  date: string,
  { earliest, limit }: { earliest: string; limit: number },
): string | null {
  let count = 0;
  for (let day = shiftDate(date, -1); day >= earliest && count < limit; day = shiftDate(day, -1)) {
    if (!isRealDay(habit, day)) {
      continue;
    }
    count += 1;
    if (isDoneOrSkipped(entries.get(day), habit.target)) {
      return day;
    }
  }

  return null;
}

/**
 * Whether a day-based schedule asks for the habit on `date`. For `interval` N the habit is due
 * when none of the N - 1 real days before was done or skipped; `unknown` when those days reach
 * back before `knownFrom`, the first day whose entries the caller loaded.
 */
export function isDueDay(
  habit: HabitRules,
  rule: ScheduleRule,
  entries: EntryMap,
  date: string,
  knownFrom: string,
): boolean | 'unknown' {
  switch (rule.type) {
    case 'daily':
      return true;
    case 'weekdays':
      return (rule.days ?? []).includes(weekdayOf(date));
    case 'weekly':
    case 'monthly':
      return false;
    case 'interval': {
      const lookback = (rule.interval ?? 1) - 1;
      const earliest = maxDate(knownFrom, habit.startDate);
      const last = lastDoneBefore(habit, entries, date, { earliest, limit: lookback });
      if (last !== null) {
        return false;
      }
      // Every looked-at day was known, or the walk stopped at the habit's start: due.
      const reachedUnknown =
        knownFrom > habit.startDate && daysBack(habit, date, lookback) < knownFrom;

      return reachedUnknown ? 'unknown' : true;
    }
  }
}

/** The date `count` real days before `date`. */
function daysBack(habit: HabitRules, date: string, count: number): string {
  let day = date;
  for (let seen = 0; seen < count;) {
    day = shiftDate(day, -1);
    if (isRealDay(habit, day)) {
      seen += 1;
    }
  }

  return day;
}

/** Expected repetitions on one day, for completion rates (0 on days the schedule asks nothing). */
export function expectedOn(habit: HabitRules, rule: ScheduleRule, date: string): number {
  switch (rule.type) {
    case 'daily':
      return 1;
    case 'weekdays':
      return (rule.days ?? []).includes(weekdayOf(date)) ? 1 : 0;
    case 'weekly':
      return (habit.target ? 1 : (rule.times ?? 1)) / 7;
    case 'monthly':
      return (habit.target ? 1 : (rule.times ?? 1)) / daysInMonthOf(date);
    case 'interval':
      return 1 / (rule.interval ?? 1);
  }
}

/**
 * The schedules after a change made on `today`. The new schedule takes effect from the start of
 * its period holding `today` (the week for weekly, the month for monthly, the day otherwise), not
 * before the habit's start; schedules that would only have begun on or after that date are
 * replaced. Periods already over keep the schedule they were judged by. An unchanged schedule
 * leaves the list as it was.
 */
export function withScheduleChange(
  schedules: ScheduleRule[],
  change: Omit<ScheduleRule, 'from'>,
  { today, weekStart, startDate }: { today: string; weekStart: WeekStart; startDate: string },
): ScheduleRule[] {
  const current = schedules.at(-1);
  if (current && isSameSchedule(current, change)) {
    return schedules;
  }

  const periodStart =
    change.type === 'weekly'
      ? weekStartOf(today, weekStart)
      : change.type === 'monthly'
        ? monthStartOf(today)
        : today;
  const from = maxDate(periodStart, startDate);
  // The first schedule starts with the habit; any other is kept if it began before the change.
  const kept = schedules.filter((rule, index) =>
    index === 0 ? from > startDate : rule.from < from,
  );

  return [...kept, { ...change, from }];
}

function isSameSchedule(a: Omit<ScheduleRule, 'from'>, b: Omit<ScheduleRule, 'from'>): boolean {
  return (
    a.type === b.type &&
    (a.days ?? []).join() === (b.days ?? []).join() &&
    (a.times ?? null) === (b.times ?? null) &&
    (a.interval ?? null) === (b.interval ?? null)
  );
}
