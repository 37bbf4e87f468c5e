import type { WeekStart } from './calendar';

export type ScheduleType = 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'interval';

/**
 * A schedule in force from the date `from` until the next schedule's `from`. The first schedule
 * of a habit applies from the habit's start date.
 * - `daily`: every day.
 * - `weekdays`: on the chosen `days`, 0 (Sunday) to 6 (Saturday).
 * - `weekly` / `monthly`: `times` in each calendar week (from the user's week start) or month.
 * - `interval`: every `interval` days, counted from the last day done (or skipped).
 */
export interface ScheduleRule {
  from: string;
  type: ScheduleType;
  days?: number[];
  times?: number;
  interval?: number;
}

/**
 * A measurable habit's target: reach at least or stay at most `value` each day (daily, weekdays
 * and interval schedules) or in total over each week or month (weekly and monthly schedules).
 * Null for a yes/no habit.
 */
export interface Target {
  type: 'atLeast' | 'atMost';
  value: number;
}

export interface Entry {
  date: string;
  /** `none`: a day with only a note (imported), which counts as no entry. */
  status: 'done' | 'skipped' | 'none';
  /** A measurable habit's value for the day; null for yes/no habits. */
  value: number | null;
}

/** What the rules need to know about a habit and its owner. */
export interface HabitRules {
  startDate: string;
  /** Sorted by `from`; never empty. */
  schedules: ScheduleRule[];
  target: Target | null;
  weekStart: WeekStart;
  /** Dates that never happened in the user's zone (see `missingLocalDates`). */
  missingDates?: ReadonlySet<string>;
}

export type EntryMap = ReadonlyMap<string, Entry>;

export function toEntryMap(entries: Iterable<Entry>): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const entry of entries) {
    map.set(entry.date, entry);
  }

  return map;
}
