import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import {
  formatDistance,
  formatDuration,
  formatNumber,
  metersFrom,
  parseDecimal,
  parseDuration,
  parseWholeNumber,
} from './numbers';

describe('parseDecimal', () => {
  it.each([
    ['62,5', 62.5],
    ['62.5', 62.5],
    [' 93,5 ', 93.5],
    ['100', 100],
    [',5', 0.5],
    ['1,25', 1.25],
    ['', null],
    ['  ', null],
  ])('%j → %p', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(['1.000,5', '1,2,3', '-5', '5kg', 'abc', '1e3'])('%j is not a number', (text) => {
    expect(parseDecimal(text)).toBeNaN();
  });

  it('reads a comma exactly as a point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const digits = String(cents).padStart(2, '0');
          expect(parseDecimal(`${whole},${digits}`)).toBe(parseDecimal(`${whole}.${digits}`));
          expect(parseDecimal(`${whole},${digits}`)).toBe(Number(`${whole}.${digits}`));
        },
      ),
    );
  });
});

describe('parseWholeNumber and parseDuration', () => {
  it.each([
    ['5', 5],
    ['', null],
  ])('parseWholeNumber(%j) → %p', (text, expected) => {
    expect(parseWholeNumber(text)).toBe(expected);
  });

  it.each(['2.5', '-1', '5,0'])('parseWholeNumber(%j) is NaN', (text) => {
    expect(parseWholeNumber(text)).toBeNaN();
  });

  it.each([
    ['90', 90],
    ['1:30', 90],
    ['25:00', 1500],
    ['1:02:03', 3723],
    ['', null],
  ])('parseDuration(%j) → %p', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it('reads back every duration it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (seconds) => {
        expect(parseDuration(formatDuration(seconds))).toBe(seconds);
      }),
    );
  });
});

describe('formatting', () => {
  it.each([
    [62.5, '62.5'],
    [100, '100'],
    [101.25, '101.25'],
    [220.46, '220.46'],
  ])('formatNumber(%p) → %j', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('shows distances in the unit the user reads', () => {
    expect(formatDistance(5000, 'km')).toBe('5 km');
    expect(formatDistance(metersFrom(3.1, 'mi'), 'mi')).toBe('3.1 mi');
    expect(formatDuration(1500)).toBe('25:00');
  });
});
