import type { Schedule, Streak, Target } from './types';
import { WEEKDAY_NAMES } from './types';

/** "Every day", "Mon, Wed, Fri", "3 times a week", "Every 2 days"… */
export function describeSchedule(schedule: Schedule, target: Target | null = null): string {
  switch (schedule.type) {
    case 'daily':
      return 'Every day';
    case 'weekdays':
      return (schedule.days ?? []).map((day) => WEEKDAY_NAMES[day]).join(', ');
    case 'weekly':
      return target ? 'Each week' : `${timesText(schedule.times)} a week`;
    case 'monthly':
      return target ? 'Each month' : `${timesText(schedule.times)} a month`;
    case 'interval':
      return schedule.interval === 1 ? 'Every day' : `Every ${schedule.interval ?? 1} days`;
  }
}

function timesText(times = 1): string {
  return times === 1 ? 'Once' : times === 2 ? 'Twice' : `${times} times`;
}

/** "at least 8 glasses", "at most 2 cups". */
export function describeTarget(target: Target): string {
  const bound = target.type === 'atLeast' ? 'at least' : 'at most';
  return `${bound} ${formatNumber(target.value)}${target.unit ? ` ${target.unit}` : ''}`;
}

/** "4 days", "1 week", "3 periods". */
export function formatStreak(streak: Streak): string {
  const unit = streak.count === 1 ? streak.unit : `${streak.unit}s`;
  return `${streak.count} ${unit}`;
}

/** 0.5234 → "52%"; null → "–". */
export function formatPercent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(value);
}

/** Reads a number typed with a decimal point or a decimal comma ("93,5"); null when it is none. */
export function parseDecimal(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) {
    return null;
  }
  return Number(normalised);
}
