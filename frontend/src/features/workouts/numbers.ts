// Reading and writing the numbers of a workout. Pure, tested in numbers.test.ts.
import type { WeightUnit } from './types';

const METERS_PER_MILE = 1609.344;
const DECIMAL = /^(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * Reads a number typed with either decimal mark ("93,5" or "93.5"), so a comma is never dropped
 * into 935. Blank is null; anything else that is not a plain number is NaN.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  if (!DECIMAL.test(trimmed)) {
    return Number.NaN;
  }

  return Number(trimmed.replace(',', '.'));
}

/** Reads a whole number; blank is null, anything else NaN. */
export function parseWholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }

  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Reads a duration as seconds ("90"), minutes and seconds ("1:30") or hours ("1:02:03"). */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  if (!/^\d+(:[0-5]?\d){0,2}$/.test(trimmed)) {
    return Number.NaN;
  }

  return trimmed.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** "1:30", or "1:02:03" past an hour. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');

  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** A number as the user reads it: at most two decimals, no trailing zeros, "." as the mark. */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return String(Number(value.toFixed(maximumFractionDigits)));
}

export function formatWeight(value: number, unit: WeightUnit): string {
  return `${formatNumber(value)} ${unit}`;
}

/** Distances are typed and read in kilometres, or miles for a user who lifts in pounds. */
export function distanceUnitFor(unit: WeightUnit): 'km' | 'mi' {
  return unit === 'kg' ? 'km' : 'mi';
}

export function metersFrom(value: number, unit: 'km' | 'mi'): number {
  return unit === 'km' ? value * 1000 : value * METERS_PER_MILE;
}

export function metersTo(meters: number, unit: 'km' | 'mi'): number {
  return unit === 'km' ? meters / 1000 : meters / METERS_PER_MILE;
}

export function formatDistance(meters: number, unit: 'km' | 'mi'): string {
  return `${formatNumber(metersTo(meters, unit))} ${unit}`;
}
