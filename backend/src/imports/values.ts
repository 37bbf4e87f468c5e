import { isLocalDate } from '../lib/time';
import type { WeightUnit } from './types';

/*
 * Pure readers for the values export files hold: numbers with a decimal point or comma, weights
 * and distances in metric or imperial units, durations as seconds or as text, and dates written
 * the ways the apps write them. Each returns null for an empty cell and undefined for a cell it
 * cannot read, so callers can tell "absent" from "wrong".
 */

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;

/** A number written with a decimal point or a decimal comma ("93,5"); no thousands separators. */
export function readNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  if (!NUMBER.test(trimmed)) {
    return undefined;
  }
  const value = Number(trimmed.replace(',', '.'));

  return Number.isFinite(value) ? value : undefined;
}

/** Rounds to `decimals` places, which also removes binary float noise (15.799999999999997). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;

  return Object.is(rounded, -0) ? 0 : rounded;
}

export const KG_PER_LB = 0.45359237;
export const METERS_PER_MILE = 1609.344;

/**
 * Kilograms from a weight in `unit`. Kilograms keep three decimals (grams), which is finer than
 * any app writes and drops float noise. Pounds are converted with six decimals kept, so that
 * 225 lb is 102.058283 kg and comes back as 224.9999995 lb, which any display rounds to 225.
 */
export function toKilograms(value: number, unit: WeightUnit): number {
  if (unit === 'kg') {
    return roundTo(value, 3);
  }

  return roundTo(roundTo(value, 3) * KG_PER_LB, 6);
}

export type DistanceUnit = 'm' | 'km' | 'mi';

/** Metres from a distance in `unit`, to the centimetre. */
export function toMeters(value: number, unit: DistanceUnit): number {
  const factor = { m: 1, km: 1000, mi: METERS_PER_MILE }[unit];

  return roundTo(value * factor, 2);
}

/** Reads a unit name as written in unit columns and headers ("kg", "lbs", "miles", "meters"). */
export function readWeightUnit(text: string): WeightUnit | undefined {
  const unit = text.trim().toLowerCase();
  if (['kg', 'kgs', 'kilograms'].includes(unit)) {
    return 'kg';
  }
  if (['lb', 'lbs', 'pounds'].includes(unit)) {
    return 'lb';
  }
  return undefined;
}

export function readDistanceUnit(text: string): DistanceUnit | undefined {
  const unit = text.trim().toLowerCase();
  if (['m', 'meters', 'metres', 'meter', 'metre'].includes(unit)) {
    return 'm';
  }
  if (['km', 'kilometers', 'kilometres'].includes(unit)) {
    return 'km';
  }
  if (['mi', 'mile', 'miles'].includes(unit)) {
    return 'mi';
  }
  return undefined;
}

const DURATION_PART =
  /(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)(?![a-z])/gi;
const CLOCK = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * Seconds from a duration: a plain number of seconds, a clock (`1:03:20`, `45:10` as minutes and
 * seconds), or text with units (`1h 3m`, `45m`, `1h`, `30s`, `2 hours 5 minutes`).
 */
export function readDurationSeconds(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  const plain = readNumber(trimmed);
  if (plain !== undefined) {
    return plain === null || plain < 0 ? undefined : Math.round(plain);
  }
  const clock = CLOCK.exec(trimmed);
  if (clock) {
    // h:mm:ss, or mm:ss when there are two parts.
    const parts = clock.slice(1).filter((part) => part !== undefined);
    return parts.map(Number).reduce((total, part) => total * 60 + part, 0);
  }

  return readUnitDuration(trimmed);
}

function readUnitDuration(text: string): number | undefined {
  let seconds = 0;
  let matched = '';
  for (const match of text.matchAll(DURATION_PART)) {
    const amount = Number(match[1]!.replace(',', '.'));
    const unit = match[2]!.toLowerCase();
    seconds += amount * (unit.startsWith('h') ? 3600 : unit.startsWith('m') ? 60 : 1);
    matched += match[0];
  }
  // Everything but spaces must have been a number with its unit.
  if (matched === '' || matched.replace(/\s/g, '') !== text.replace(/\s/g, '')) {
    return undefined;
  }

  return Math.round(seconds);
}

export interface LocalDateTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `YYYY-MM-DDTHH:mm:ss` */
  dateTime: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function buildDateTime(
  parts: { year: number; month: number; day: number },
  time: { hour: number; minute: number; second: number },
): LocalDateTime | undefined {
  const date = `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
  if (!isLocalDate(date) || time.hour > 23 || time.minute > 59 || time.second > 59) {
    return undefined;
  }

  return { date, dateTime: `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}` };
}

// Hours, minutes, optional seconds, optional AM/PM (apps put a space, a no-break space or a narrow
// no-break space before it, and some write "a.m.").
const TIME = /(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[\s\u00a0\u202f]*([ap])\.?\s?m\.?)?\s*$/i;

function readTime(text: string): { hour: number; minute: number; second: number; rest: string } {
  const match = TIME.exec(text);
  if (!match) {
    return { hour: 0, minute: 0, second: 0, rest: text };
  }
  let hour = Number(match[1]);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem && hour >= 1 && hour <= 12) {
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (meridiem) {
    hour = 99;
  }

  return {
    hour,
    minute: Number(match[2]),
    second: match[3] ? Number(match[3]) : 0,
    rest: text.slice(0, match.index),
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]|$)/;

/**
 * A local date and time as Strong (`2024-11-28 17:36:08`, `2024-11-28 5:36:08 PM`) and Hevy
 * (`15 Sep 2025, 07:48`, also with localized month names: `15 sept. 2025, 07:48`,
 * `15. Okt. 2025, 07:48`, `15 de set. de 2025, 07:48`) write it. No time means midnight.
 */
export function readLocalDateTime(text: string): LocalDateTime | undefined {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const time = readTime(iso ? trimmed.slice(10) : trimmed);
  if (iso) {
    if (time.rest.replace(/[T\s,]/g, '') !== '') {
      return undefined;
    }
    return buildDateTime({ year: +iso[1]!, month: +iso[2]!, day: +iso[3]! }, time);
  }

  const parts = readWrittenDate(time.rest);
  return parts && buildDateTime(parts, time);
}

/**
 * readLocalDateTime with a memory of the last text read: every row of a workout repeats its
 * times, so this skips nearly all the parsing of a large file.
 */
export function createDateTimeReader(): (text: string) => LocalDateTime | undefined {
  let lastText: string | undefined;
  let lastResult: LocalDateTime | undefined;
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      lastResult = readLocalDateTime(text);
    }
    return lastResult;
  };
}

/** A date with its month as a word, day before or after it, and a four-digit year. */
function readWrittenDate(text: string): { year: number; month: number; day: number } | undefined {
  const words = normalizeWord(text)
    .split(/[\s,./-]+/)
    .filter((word) => word !== '' && !IGNORED_WORDS.has(word));
  const year = words.find((word) => /^\d{4}$/.test(word));
  const day = words.find((word) => /^\d{1,2}$/.test(word));
  const monthWords = words.filter((word) => !/^\d+$/.test(word));
  if (!year || !day || monthWords.length !== 1) {
    return undefined;
  }
  const month = monthNumber(monthWords[0]!);
  if (!month || words.length !== 3) {
    return undefined;
  }

  return { year: Number(year), month, day: Number(day) };
}

/** Filler words some languages put around the month ("15 de set. de 2025"). */
const IGNORED_WORDS = new Set(['de', 'del', 'of', 'den', 'der', 'le', 'el', 'г', 'року', 'года']);

function normalizeWord(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u00a0\u202f]/g, ' ');
}

// Languages Hevy offers, plus a few more written with the same calendar.
const MONTH_LOCALES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'tr',
  'ru',
  'uk',
  'ro',
  'hu',
  'id',
  'ca',
];

let monthTable: Map<string, number> | undefined;

/**
 * Month names (long, short, and short without the dot) of MONTH_LOCALES, lower case, accents
 * removed, in both the standalone and the in-a-date forms, mapped to 1 to 12. A word that means
 * different months in different languages is left out rather than guessed.
 */
function monthNumber(word: string): number | undefined {
  monthTable ??= buildMonthTable();
  return monthTable.get(word);
}

function buildMonthTable(): Map<string, number> {
  const table = new Map<string, number>();
  const ambiguous = new Set<string>();
  const add = (name: string, month: number) => {
    for (const piece of normalizeWord(name).split(/[\s.]+/)) {
      if (piece.length < 3 || /\d/.test(piece) || IGNORED_WORDS.has(piece)) {
        continue;
      }
      const known = table.get(piece);
      if (known !== undefined && known !== month) {
        ambiguous.add(piece);
      }
      table.set(piece, month);
    }
  };

  for (const locale of MONTH_LOCALES) {
    for (let month = 1; month <= 12; month += 1) {
      const instant = new Date(Date.UTC(2021, month - 1, 15));
      for (const style of ['long', 'short'] as const) {
        add(
          new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(instant),
          month,
        );
        const inDate = new Intl.DateTimeFormat(locale, {
          day: 'numeric',
          month: style,
          timeZone: 'UTC',
        }).format(instant);
        add(inDate, month);
      }
    }
  }
  for (const word of ambiguous) {
    table.delete(word);
  }

  return table;
}

/** `true`/`false`, `yes`/`no`, `1`/`0`, as the apps write flags. */
export function readFlag(text: string): boolean | undefined {
  const flag = text.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(flag)) {
    return true;
  }
  if (['false', 'no', '0', ''].includes(flag)) {
    return false;
  }
  return undefined;
}

/** Adds seconds to a local wall-clock date-time, on the calendar (no zone, so no DST). */
export function addSeconds(dateTime: string, seconds: number): string {
  const instant = new Date(`${dateTime}Z`);
  return new Date(instant.getTime() + seconds * 1000).toISOString().slice(0, 19);
}
