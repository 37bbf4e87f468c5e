// Calendar arithmetic on local dates written `YYYY-MM-DD`. No clocks and no time zones here: a
// local date is a day on the user's calendar, so daylight-saving changes cannot move, merge or
// drop one. The one place a time zone matters (days that never happened there) is
// `missingLocalDates`, which asks the runtime's time-zone database and does no I/O.

export type WeekStart = 'monday' | 'sunday';

const MS_PER_DAY = 86_400_000;

function toUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];

  return Date.UTC(year, month - 1, day);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function shiftDate(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * MS_PER_DAY);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);
}

/** 0 for Sunday to 6 for Saturday, as JavaScript numbers them. */
export function weekdayOf(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** The first day of the week holding `date`, with weeks starting on Monday or on Sunday. */
export function weekStartOf(date: string, weekStart: WeekStart): string {
  const weekday = weekdayOf(date);
  const back = weekStart === 'monday' ? (weekday + 6) % 7 : weekday;

  return shiftDate(date, -back);
}

/** `YYYY-MM`. */
export function monthKeyOf(date: string): string {
  return date.slice(0, 7);
}

export function monthStartOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function monthEndOf(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];

  return fromUtc(Date.UTC(year, month, 0));
}

export function daysInMonthOf(date: string): number {
  return Number(monthEndOf(date).slice(8, 10));
}

/**
 * The ISO 8601 week key, `YYYY-Www`: weeks start on Monday and belong to the year holding their
 * Thursday, so 2026-12-31 and 2027-01-02 are both in 2026-W53.
 */
export function isoWeekKeyOf(date: string): string {
  const thursday = shiftDate(weekStartOf(date, 'monday'), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;

  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The key of the week holding `date` for a user's week start: ISO for Monday, else its Sunday. */
export function weekKeyOf(date: string, weekStart: WeekStart): string {
  return weekStart === 'monday' ? isoWeekKeyOf(date) : weekStartOf(date, 'sunday');
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let ms = toUtc(from), end = toUtc(to); ms <= end; ms += MS_PER_DAY) {
    dates.push(fromUtc(ms));
  }

  return dates;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localDateAt(timeZone: string, instant: number): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }

  return formatter.format(instant);
}

/**
 * Dates in [from, to] that never happened in the zone, such as 30 December 2011 in Pacific/Apia,
 * which moved across the date line. A daily habit is not due on a day that did not exist.
 *
 * One lookup per day: local dates at successive UTC noons advance by one; where they jump by two,
 * the hours between are checked to tell a skipped date from a merely shifted one.
 */
export function missingLocalDates(timeZone: string, from: string, to: string): Set<string> {
  const missing = new Set<string>();
  let previousNoon = toUtc(shiftDate(from, -2)) + MS_PER_DAY / 2;
  let previous = localDateAt(timeZone, previousNoon);
  for (let noon = previousNoon + MS_PER_DAY; noon <= toUtc(to) + 2.5 * MS_PER_DAY;) {
    const current = localDateAt(timeZone, noon);
    if (daysBetween(previous, current) > 1) {
      const seen = new Set<string>();
      for (let hour = previousNoon; hour <= noon; hour += MS_PER_DAY / 48) {
        seen.add(localDateAt(timeZone, hour));
      }
      for (let date = shiftDate(previous, 1); date < current; date = shiftDate(date, 1)) {
        if (!seen.has(date) && date >= from && date <= to) {
          missing.add(date);
        }
      }
    }
    previousNoon = noon;
    previous = current;
    noon += MS_PER_DAY;
  }

  return missing;
}
