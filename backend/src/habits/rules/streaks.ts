import type { Period, PeriodUnit } from './periods';

/**
 * A run of met periods with no missed period between them.
 * - `count` is the number of met periods: days for daily, weekday and interval schedules (every
 *   day done counts, also one off the schedule), weeks or months for weekly and monthly ones.
 * - `unit` names them; `period` when a schedule change put days and weeks in one run.
 * - Skipped days, days off the schedule, and periods cut short by a schedule change neither add
 *   to a run nor end it; nor does the current period while it can still be met.
 */
export interface Streak {
  count: number;
  unit: PeriodUnit | 'period';
  start: string | null;
  end: string | null;
}

export interface Streaks {
  current: Streak;
  best: Streak;
  /**
   * False when the current run reaches back to the first loaded period and the periods were
   * judged from a window later than the habit's start: the caller must load more to know it.
   */
  isCurrentComplete: boolean;
}

interface Run {
  count: number;
  units: Set<PeriodUnit>;
  start: string | null;
  end: string | null;
}

const emptyRun = (): Run => ({ count: 0, units: new Set(), start: null, end: null });

/**
 * Current and best streak from periods in time order. `isWindowed` says the periods start later
 * than the habit, so a run touching the first one may be longer than it looks.
 */
export function computeStreaks(periods: Period[], { isWindowed = false } = {}): Streaks {
  const fallbackUnit = periods.at(-1)?.unit ?? 'day';
  let run = emptyRun();
  let best = emptyRun();
  let isRunComplete = !isWindowed;

  for (const period of periods) {
    switch (period.outcome) {
      case 'met':
        run.start ??= period.start;
        run.end = period.end;
        run.count += 1;
        run.units.add(period.unit);
        break;
      case 'missed':
      case 'unknown':
        best = run.count > best.count ? run : best;
        run = emptyRun();
        isRunComplete = period.outcome === 'missed';
        break;
      case 'neutral':
      case 'open':
        break;
    }
  }
  best = run.count > best.count ? run : best;

  return {
    current: toStreak(run, fallbackUnit),
    best: toStreak(best, fallbackUnit),
    isCurrentComplete: isRunComplete,
  };
}

function toStreak(run: Run, fallbackUnit: PeriodUnit): Streak {
  const units = [...run.units];
  const unit = units.length === 0 ? fallbackUnit : units.length === 1 ? units[0]! : 'period';

  return { count: run.count, unit, start: run.start, end: run.end };
}
