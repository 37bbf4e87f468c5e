/** Whether the runtime knows this IANA time zone name. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });

    return true;
  } catch {
    return false;
  }
}

/** The runtime's spelling of a zone it accepts in any letter case (`utc` becomes `UTC`). */
export function canonicalTimeZone(value: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The earliest day anything can be recorded on (a workout, a check-in, a body weight, a habit's
 * start). Imports from other apps carry years of history, and no phone app logged habits or sets
 * before 2000, so nothing real is refused; an earlier day is a typo (`0001`, `1900`) that would
 * stretch every statistic over a century of empty days.
 */
export const EARLIEST_DATE = '2000-01-01';

/** Whether a `YYYY-MM-DD` date is on or after EARLIEST_DATE (dates compare as text). */
export const isOnOrAfterEarliest = (date: string) => date >= EARLIEST_DATE;

/** Whether a string is a real calendar date written `YYYY-MM-DD` (29 February only in leap years). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const match = LOCAL_DATE.exec(value);
  if (!match) {
    return false;
  }

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);

  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The calendar date (`YYYY-MM-DD`) it is now, or at `instant`, in the given time zone. */
export function localDateIn(timeZone: string, instant: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * How many days past the user's today a workout or body weight may be dated: a device whose clock
 * runs ahead, or a user travelling east of their profile's zone, writes tomorrow's date legitimately.
 */
export const MAX_DAYS_AHEAD = 1;

/** The latest day a workout or body weight may be recorded on, in the user's zone. */
export function latestRecordableDate(timeZone: string): string {
  return addDays(localDateIn(timeZone), MAX_DAYS_AHEAD);
}

/** Adds whole days to a local date, on the calendar (no clock, so no daylight-saving effects). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];

  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * The number of the UTC quarter hour containing `instant`. Every time zone in use is offset from
 * UTC by a whole number of quarter hours, so the local date anywhere stays the same throughout
 * one quarter hour: a cache key holding it never outlives "today".
 */
export function quarterHourOf(instant: Date = new Date()): number {
  return Math.floor(instant.getTime() / QUARTER_HOUR_MS);
}

/** The wall-clock time (`HH:MM`, 24-hour) it is now, or at `instant`, in the given time zone. */
export function localTimeIn(timeZone: string, instant: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

// Building a formatter costs far more than using one; an import converts thousands of times.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }

  return format;
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );

  return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`, no zone) names in `timeZone`, or
 * null when it is not one. A time skipped by a daylight-saving change resolves to the instant an
 * hour later; a repeated one to its first occurrence.
 */
export function instantOfLocal(localDateTime: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(localDateTime);
  if (!match || !isLocalDate(localDateTime.slice(0, 10))) {
    return null;
  }
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const wallClock = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    hour,
    minute,
    second,
  );
  // The offsets in force half a day before and after are the two the zone can have around the
  // time: a candidate is right when the zone's offset at it gives back the wall clock.
  const before = wallClock - zoneOffsetMs(timeZone, wallClock - 14 * 3600 * 1000);
  const after = wallClock - zoneOffsetMs(timeZone, wallClock + 14 * 3600 * 1000);
  const valid = [before, after].filter(
    (candidate) => wallClock - candidate === zoneOffsetMs(timeZone, candidate),
  );

  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}
