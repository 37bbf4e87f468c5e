// Weight units. Pure: no I/O, so every rule here is tested exhaustively (units.test.ts).
//
// Canonical storage is kilograms as a full-precision double, never rounded on write. A weight typed
// in pounds is multiplied by the exact definition of the pound (0.45359237 kg) and stored as is;
// converting it back divides by the same constant, which lands within about 1e-13 of the typed
// value, so `presentWeight` snaps it back to exactly what was typed. Rounding happens only when a
// weight is shown: values on a hundredth of the unit (everything a user can type, see
// `hasAtMostTwoDecimals`) show exactly, converted values show to one decimal.

export const WEIGHT_UNITS = ['kg', 'lb'] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

/** The international avoirdupois pound, exactly, by definition (1959). */
export const KG_PER_LB = 0.45359237;

// Far below anything a scale shows, far above the error of one multiplication and one division.
const SNAP_TOLERANCE_HUNDREDTHS = 1e-6;

/** The weight in kilograms of `value` written in `unit`, unrounded. */
export function toKg(value: number, unit: WeightUnit): number {
  return unit === 'kg' ? value : value * KG_PER_LB;
}

/** The weight in `unit` of `kg` kilograms, unrounded. */
export function fromKg(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? kg : kg / KG_PER_LB;
}

/**
 * A stored weight as the user reads it in `unit`: exact to the hundredth when it lies on one (so
 * 225 lb stays 225 and 101.25 kg stays 101.25), otherwise rounded to one decimal (100 kg reads
 * 220.5 lb, 225 lb reads 102.1 kg).
 */
export function presentWeight(kg: number, unit: WeightUnit): number {
  const value = fromKg(kg, unit);
  const hundredths = Math.round(value * 100);
  if (Math.abs(value * 100 - hundredths) < SNAP_TOLERANCE_HUNDREDTHS) {
    return hundredths / 100 + 0;
  }

  return Math.round(value * 10) / 10 + 0;
}

/** Whether a typed weight has at most two decimals (the precision the API accepts). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < SNAP_TOLERANCE_HUNDREDTHS;
}
