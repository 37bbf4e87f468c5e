// Builders for the rule tests: a habit's rules and its entries, spelled out briefly.
import type { WeekStart } from '../habits/rules/calendar';
import { evaluatePeriods } from '../habits/rules/periods';
import { computeStreaks, type Streaks } from '../habits/rules/streaks';
import {
  toEntryMap,
  type Entry,
  type EntryMap,
  type HabitRules,
  type ScheduleRule,
  type Target,
} from '../habits/rules/types';

type RuleInput = Omit<ScheduleRule, 'from'> & { from?: string };

export function habitOf(
  overrides: {
    startDate?: string;
    schedules?: RuleInput[];
    target?: Target | null;
    weekStart?: WeekStart;
    missingDates?: Iterable<string>;
  } = {},
): HabitRules {
  const startDate = overrides.startDate ?? '2026-01-01';
  const schedules = (overrides.schedules ?? [{ type: 'daily' }]).map((rule) => ({
    ...rule,
    from: rule.from ?? startDate,
  }));

  return {
    startDate,
    schedules,
    target: overrides.target ?? null,
    weekStart: overrides.weekStart ?? 'monday',
    missingDates: new Set(overrides.missingDates ?? []),
  };
}

export function done(...dates: string[]): Entry[] {
  return dates.map((date) => ({ date, status: 'done', value: null }));
}

export function skipped(...dates: string[]): Entry[] {
  return dates.map((date) => ({ date, status: 'skipped', value: null }));
}

export function valued(values: Record<string, number>): Entry[] {
  return Object.entries(values).map(([date, value]) => ({ date, status: 'done', value }));
}

export function entriesOf(...lists: Entry[][]): EntryMap {
  return toEntryMap(lists.flat());
}

/** Streaks judged over the whole history up to `to`. */
export function streaksOf(habit: HabitRules, entries: EntryMap, to: string): Streaks {
  return computeStreaks(evaluatePeriods(habit, entries, { from: habit.startDate, to }));
}
