// Calendar days travel as local "YYYY-MM-DD" strings. Never derive one from toISOString(): that
// is the UTC day, a day off for every user east or west of Greenwich for part of each day.

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of `date` in the browser's zone, as YYYY-MM-DD. */
export function toLocalDate(date: Date): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Today's calendar day in the browser's zone. */
export function getLocalToday(): string {
  return toLocalDate(new Date());
}

/**
 * Noon of a YYYY-MM-DD day in the browser's zone, or null if it is not a real day. Noon rather
 * than midnight: some zones skip midnight when daylight saving starts.
 */
export function parseLocalDate(value: string): Date | null {
  const match = LOCAL_DATE.exec(value);
  if (!match) {
    return null;
  }

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day, 12);
  return toLocalDate(date) === value ? date : null;
}

export function isLocalDate(value: string): boolean {
  return parseLocalDate(value) !== null;
}

/** Moves a YYYY-MM-DD day by whole calendar days (daylight-saving days included). */
export function addDays(value: string, days: number): string {
  const date = parseLocalDate(value);
  if (!date) {
    throw new RangeError(`Not a calendar day: ${value}`);
  }

  date.setDate(date.getDate() + days);
  return toLocalDate(date);
}

/** "Wednesday, 4 December" (with the year when it is not the current one), in the user's locale. */
export function formatLongDate(value: string, today: string = getLocalToday()): string {
  const date = toDisplayDate(value);
  if (!date) {
    return value;
  }

  const isSameYear = value.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: isSameYear ? undefined : 'numeric',
  }).format(date);
}

/** "Today", "Yesterday", "Tomorrow", or null for any other day. */
export function describeRelativeDay(value: string, today: string = getLocalToday()): string | null {
  if (value === today) {
    return 'Today';
  }
  if (value === addDays(today, -1)) {
    return 'Yesterday';
  }
  if (value === addDays(today, 1)) {
    return 'Tomorrow';
  }
  return null;
}

// The API may send a plain day or, from older records, a timestamp: show either as a local day.
function toDisplayDate(value: string): Date | null {
  const day = parseLocalDate(value);
  if (day) {
    return day;
  }

  const timestamp = new Date(value);
  return Number.isNaN(timestamp.getTime()) ? null : timestamp;
}

/** "Wed, 4 Dec" (with the year when it is not the current one), in the user's locale. */
export function formatShortDate(value: string, today: string = getLocalToday()): string {
  const date = toDisplayDate(value);
  if (!date) {
    return value;
  }

  const isSameYear = value.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: isSameYear ? undefined : 'numeric',
  }).format(date);
}

const TIME_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "just now": how long ago an instant (ISO text) was. */
export function formatTimeAgo(instant: string, now: Date = new Date()): string {
  const seconds = Math.floor((now.getTime() - new Date(instant).getTime()) / 1000);
  if (Number.isNaN(seconds)) {
    return instant;
  }

  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of TIME_UNITS) {
    if (seconds >= size) {
      return format.format(-Math.floor(seconds / size), unit);
    }
  }
  return 'just now';
}
