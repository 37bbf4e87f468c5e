import { maxDate, monthEndOf, monthStartOf, shiftDate, weekStartOf } from './calendar';
import { isDayMet, isDueDay, lastDoneBefore, ruleOn, segmentsOf } from './schedule';
import { tallyOf } from './periods';
import type { EntryMap, HabitRules } from './types';

export interface DueState {
  /** Whether the schedule asks for the habit on the day, judged before that day's own entry. */
  isDue: boolean;
  /** Due, not yet done or skipped, and late: see `dueOn`. */
  isOverdue: boolean;
  /** For every-N-days habits: the first day it was due since it was last done. */
  dueSince: string | null;
  /** For weekly and monthly schedules: the period so far, the day's own entry included. */
  progress: { done: number; required: number; periodEnd: string } | null;
}

export interface DueOptions {
  /** The user's wall-clock time now (`HH:MM`) when `date` is the user's today, else null. */
  now: string | null;
  /** The habit's reminder time, `HH:MM`, or null. */
  reminderTime: string | null;
  /** The first date whose entries were loaded (interval look-backs stop there). */
  knownFrom: string;
}

/**
 * Whether a habit is due on `date` and whether it is overdue there. Daily: every day; weekdays:
 * the chosen days; every N days: when not done or skipped in the N - 1 days before; weekly and
 * monthly: while the period's target was not reached before the day ("at most" targets are due
 * every day, to log the value). Overdue: due, not yet done or skipped that day, and either due
 * since an earlier day (every N days) or past its reminder time today.
 */
export function dueOn(
  habit: HabitRules,
  entries: EntryMap,
  date: string,
  options: DueOptions,
): DueState {
  const state: DueState = { isDue: false, isOverdue: false, dueSince: null, progress: null };
  if (date < habit.startDate) {
    return state;
  }

  const rule = ruleOn(habit, date);
  const entry = entries.get(date);
  const isSettled = entry?.status === 'skipped' || isDayMet(entry, habit.target);
  if (rule.type === 'weekly' || rule.type === 'monthly') {
    const segmentStart = segmentStartOn(habit, date);
    const periodStart = maxDate(
      rule.type === 'weekly' ? weekStartOf(date, habit.weekStart) : monthStartOf(date),
      segmentStart,
    );
    const periodEnd =
      rule.type === 'weekly' ? shiftDate(weekStartOf(date, habit.weekStart), 6) : monthEndOf(date);
    const before = tallyOf(entries, periodStart, shiftDate(date, -1));
    const sofar = tallyOf(entries, periodStart, date);
    const required = habit.target ? habit.target.value : (rule.times ?? 1);
    const measure = (tally: typeof before) => (habit.target ? tally.total : tally.done);
    state.progress = { done: measure(sofar), required, periodEnd };
    state.isDue = habit.target?.type === 'atMost' || measure(before) < required;
  } else {
    const due = isDueDay(habit, rule, entries, date, options.knownFrom);
    state.isDue = due !== false;
    if (rule.type === 'interval' && state.isDue) {
      const last = lastDoneBefore(habit, entries, date, {
        earliest: maxDate(options.knownFrom, habit.startDate),
        limit: 400,
      });
      const segmentStart = segmentStartOn(habit, date);
      if (last) {
        state.dueSince = maxDate(shiftDate(last, rule.interval ?? 1), segmentStart);
      } else if (options.knownFrom <= segmentStart) {
        state.dueSince = segmentStart;
      }
    }
  }

  const isLate = state.dueSince !== null && state.dueSince < date;
  const isPastReminder =
    options.now !== null && options.reminderTime !== null && options.now >= options.reminderTime;
  state.isOverdue = state.isDue && !isSettled && (isLate || isPastReminder);

  return state;
}

function segmentStartOn(habit: HabitRules, date: string): string {
  let start = habit.startDate;
  for (const segment of segmentsOf(habit)) {
    if (segment.start <= date) {
      start = segment.start;
    }
  }

  return start;
}
