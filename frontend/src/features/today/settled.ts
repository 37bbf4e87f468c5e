import type { Habit, Schedule } from '@/features/habits/types';
import type { DayEntry } from './types';

/** The schedule in effect on `day`: the last one that started on or before it. */
function scheduleOn(habit: Pick<Habit, 'schedule' | 'schedules'>, day: string): Schedule {
  const started = habit.schedules.filter((schedule) => schedule.from <= day);

  return started.at(-1) ?? habit.schedule;
}

/**
 * Whether a day's entry settles the habit for that day, as the API's rules judge a day: skipped,
 * or done and, for a measurable habit with a daily target, within the target. A weekly or monthly
 * target is the period's total, so any value logged that day settles the day itself.
 */
export function isDaySettled(
  habit: Pick<Habit, 'kind' | 'target' | 'schedule' | 'schedules'>,
  entry: DayEntry,
  day: string,
): boolean {
  if (entry === null) {
    return false;
  }
  if (entry.status === 'skipped' || habit.kind !== 'measurable' || habit.target === null) {
    return true;
  }
  const { type } = scheduleOn(habit, day);
  if (type === 'weekly' || type === 'monthly') {
    return entry.value !== undefined;
  }
  const value = entry.value ?? 0;

  return habit.target.type === 'atLeast'
    ? value >= habit.target.value
    : value <= habit.target.value;
}
