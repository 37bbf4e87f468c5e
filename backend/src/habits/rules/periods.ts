import { maxDate, minDate, monthEndOf, monthStartOf, shiftDate, weekStartOf } from './calendar';
import {
  creditOf,
  isDueDay,
  isPeriodSchedule,
  isRealDay,
  segmentsOf,
  type Segment,
} from './schedule';
import type { EntryMap, HabitRules, Target } from './types';

/**
 * How a period ended:
 * - `met`: the target was reached; extends a streak.
 * - `missed`: the period is over (or an "at most" limit was passed) without it; breaks a streak.
 * - `neutral`: nothing was asked (a day off the schedule), or the user skipped, or the period was
 *   cut short by the habit's start or a schedule change without reaching its target; neither
 *   extends nor breaks a streak.
 * - `open`: the period includes the evaluation day and can still be met; neither extends nor
 *   breaks a streak until it ends.
 * - `unknown`: the period starts before the loaded window, so it cannot be judged.
 */
export type Outcome = 'met' | 'missed' | 'neutral' | 'open' | 'unknown';
export type PeriodUnit = 'day' | 'week' | 'month';

export interface Period {
  start: string;
  end: string;
  unit: PeriodUnit;
  outcome: Outcome;
}

/** The days to judge: `to` is the user's today; entries before `from` were not loaded. */
export interface Window {
  from: string;
  to: string;
}

/**
 * Judges every period from the window's start (or the habit's start) up to `to`, in order, each
 * by the schedule in force then. Daily, weekdays and interval schedules have one period per real
 * day; weekly and monthly schedules one per calendar week (from the user's week start) or month.
 */
export function evaluatePeriods(habit: HabitRules, entries: EntryMap, window: Window): Period[] {
  const from = maxDate(window.from, habit.startDate);
  const periods: Period[] = [];
  for (const segment of segmentsOf(habit)) {
    const last = segment.end === null ? window.to : minDate(segment.end, window.to);
    if (last < from || segment.start > window.to) {
      continue;
    }
    if (isPeriodSchedule(segment.rule)) {
      periods.push(...calendarPeriods(habit, entries, segment, { from, to: window.to }));
    } else {
      periods.push(...dayPeriods(habit, entries, segment, { from, to: window.to }));
    }
  }

  return periods;
}

function dayPeriods(
  habit: HabitRules,
  entries: EntryMap,
  segment: Segment,
  window: Window,
): Period[] {
  const periods: Period[] = [];
  const first = maxDate(segment.start, window.from);
  const last = segment.end === null ? window.to : minDate(segment.end, window.to);
  for (let date = first; date <= last; date = shiftDate(date, 1)) {
    if (isRealDay(habit, date)) {
      periods.push({ start: date, end: date, unit: 'day', outcome: judgeDay(date) });
    }
  }

  return periods;

  function judgeDay(date: string): Outcome {
    const entry = entries.get(date);
    if (entry?.status === 'skipped') {
      return 'neutral';
    }
    const credit = creditOf(entry, habit.target);
    if (credit >= 1) {
      return 'met';
    }
    // Over an "at most" limit: the day is lost even while it lasts.
    if (entry && habit.target?.type === 'atMost') {
      return 'missed';
    }
    const due = isDueDay(habit, segment.rule, entries, date, window.from);
    if (due === 'unknown') {
      return 'unknown';
    }
    if (!due) {
      return 'neutral';
    }

    return date < window.to ? 'missed' : 'open';
  }
}

function calendarPeriods(
  habit: HabitRules,
  entries: EntryMap,
  segment: Segment,
  window: Window,
): Period[] {
  const unit: PeriodUnit = segment.rule.type === 'weekly' ? 'week' : 'month';
  const startOf = (date: string) =>
    unit === 'week' ? weekStartOf(date, habit.weekStart) : monthStartOf(date);
  const endOf = (start: string) => (unit === 'week' ? shiftDate(start, 6) : monthEndOf(start));
  const last = segment.end === null ? window.to : minDate(segment.end, window.to);

  const periods: Period[] = [];
  for (let start = startOf(segment.start); start <= last; start = shiftDate(endOf(start), 1)) {
    const fullEnd = endOf(start);
    const clippedStart = maxDate(start, segment.start);
    const clippedEnd = segment.end === null ? fullEnd : minDate(fullEnd, segment.end);
    if (clippedEnd < window.from) {
      continue;
    }
    const period = { start: clippedStart, end: minDate(clippedEnd, window.to), unit };
    if (clippedStart < window.from) {
      periods.push({ ...period, outcome: 'unknown' });
      continue;
    }
    const tally = tallyOf(entries, period.start, period.end);
    const isPartial = clippedStart > start || clippedEnd < fullEnd;
    const isOpen = clippedEnd >= window.to;
    periods.push({
      ...period,
      outcome: judgePeriod(tally, habit.target, segment, { isPartial, isOpen }),
    });
  }

  return periods;
}

export interface Tally {
  /** Days done (for a measurable habit, days with a value). */
  done: number;
  skipped: number;
  /** Sum of the values entered on done days. */
  total: number;
}

/** Counts the entries from `start` to `end`, both included. */
export function tallyOf(entries: EntryMap, start: string, end: string): Tally {
  const tally = { done: 0, skipped: 0, total: 0 };
  for (let date = start; date <= end; date = shiftDate(date, 1)) {
    const entry = entries.get(date);
    if (entry?.status === 'done') {
      tally.done += 1;
      tally.total += entry.value ?? 0;
    } else if (entry?.status === 'skipped') {
      tally.skipped += 1;
    }
  }

  return tally;
}

/**
 * A week or month: met when done on `times` days (yes/no) or when the period's total reaches an
 * "at least" target; an "at most" total is missed as soon as it passes the limit, and met at the
 * end if it stayed within it and something was entered. A period that is over and short of its
 * target is neutral when it was cut short or when skips make up the difference (for a measurable
 * target: when any day was skipped), else missed.
 */
function judgePeriod(
  tally: Tally,
  target: Target | null,
  segment: Segment,
  { isPartial, isOpen }: { isPartial: boolean; isOpen: boolean },
): Outcome {
  if (target?.type === 'atMost') {
    if (tally.total > target.value) {
      return 'missed';
    }
    if (isOpen) {
      return 'open';
    }
    if (tally.done > 0) {
      return 'met';
    }

    return isPartial || tally.skipped > 0 ? 'neutral' : 'missed';
  }

  const required = target ? target.value : (segment.rule.times ?? 1);
  const achieved = target ? tally.total : tally.done;
  if (achieved >= required) {
    return 'met';
  }
  if (isOpen) {
    return 'open';
  }
  const isExcused = target ? tally.skipped > 0 : tally.done + tally.skipped >= required;

  return isPartial || isExcused ? 'neutral' : 'missed';
}
