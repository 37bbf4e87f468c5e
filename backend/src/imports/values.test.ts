import fc from 'fast-check';

import {
  KG_PER_LB,
  addSeconds,
  readDurationSeconds,
  readLocalDateTime,
  readNumber,
  roundTo,
  toKilograms,
  toMeters,
} from './values';

describe('readNumber', () => {
  it.each([
    ['93,5', 93.5],
    ['93.5', 93.5],
    [' 12 ', 12],
    ['-2.25', -2.25],
    ['.5', 0.5],
    ['15.799999999999997', 15.799999999999997],
    ['1e3', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  it('returns null for an empty cell and undefined for text that is not a number', () => {
    expect(readNumber('  ')).toBeNull();
    expect(readNumber('1,234.5')).toBeUndefined();
    expect(readNumber('ten')).toBeUndefined();
    expect(readNumber('1e400')).toBeUndefined();
    expect(readNumber('NaN')).toBeUndefined();
  });
});

describe('toKilograms', () => {
  it('removes float noise from kilograms', () => {
    expect(toKilograms(15.799999999999997, 'kg')).toBe(15.8);
    expect(toKilograms(11.799999999999997, 'kg')).toBe(11.8);
    expect(toKilograms(77.5, 'kg')).toBe(77.5);
  });

  it('converts pounds so that they come back as the same pounds', () => {
    expect(toKilograms(225, 'lb')).toBe(102.058283);
    expect(toKilograms(233, 'lb')).toBe(105.687022);
    expect(toKilograms(135, 'lb')).toBe(61.23497);
    expect(roundTo(toKilograms(225, 'lb') / KG_PER_LB, 1)).toBe(225);
  });

  it('never drifts by more than a hundredth of a pound, for any weight written to 0.1 lb', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (tenths) => {
        const pounds = tenths / 10;
        const back = toKilograms(pounds, 'lb') / KG_PER_LB;
        expect(Math.abs(back - pounds)).toBeLessThan(0.00001);
        expect(roundTo(back, 1)).toBe(pounds);
      }),
    );
  });
});

describe('toMeters', () => {
  it('converts kilometres and miles to the centimetre', () => {
    expect(toMeters(5.2, 'km')).toBe(5200);
    expect(toMeters(1, 'mi')).toBe(1609.34);
    expect(toMeters(3.1, 'mi')).toBe(4988.97);
    expect(toMeters(400, 'm')).toBe(400);
  });
});

describe('readDurationSeconds', () => {
  it.each([
    ['2134', 2134],
    ['1h 3m', 3780],
    ['45m', 2700],
    ['1h', 3600],
    ['30s', 30],
    ['1h3m', 3780],
    ['2 hours 5 minutes', 7500],
    ['1:03:20', 3800],
    ['45:10', 2710],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(readDurationSeconds(text)).toBe(seconds);
  });

  it('returns null for an empty cell and undefined for text it cannot read', () => {
    expect(readDurationSeconds('')).toBeNull();
    expect(readDurationSeconds('about an hour')).toBeUndefined();
    expect(readDurationSeconds('1h and 3m')).toBeUndefined();
    expect(readDurationSeconds('-5')).toBeUndefined();
  });
});

describe('readLocalDateTime', () => {
  it.each([
    ['2024-11-28 17:36:08', '2024-11-28T17:36:08'],
    ['2024-11-28T17:36:08', '2024-11-28T17:36:08'],
    ['2024-11-28 5:36:08 PM', '2024-11-28T17:36:08'],
    ['2024-11-28 5:36:08\u202fpm', '2024-11-28T17:36:08'],
    ['2024-11-28 12:10:00 AM', '2024-11-28T00:10:00'],
    ['2016-03-18', '2016-03-18T00:00:00'],
    ['15 Sep 2025, 07:48', '2025-09-15T07:48:00'],
    ['Sep 15, 2025, 7:48 PM', '2025-09-15T19:48:00'],
    ['15 sept. 2025, 07:48', '2025-09-15T07:48:00'],
    ['15. Okt. 2025, 07:48', '2025-10-15T07:48:00'],
    ['3 Mär. 2025, 18:05', '2025-03-03T18:05:00'],
    ['15 de set. de 2025, 07:48', '2025-09-15T07:48:00'],
    ['3 ago 2025, 18:05', '2025-08-03T18:05:00'],
    ['3 dic 2025, 18:05', '2025-12-03T18:05:00'],
    ['3 juil. 2025, 18:05', '2025-07-03T18:05:00'],
    ['3 mei 2025, 18:05', '2025-05-03T18:05:00'],
    ['3 maj 2025, 18:05', '2025-05-03T18:05:00'],
    ['3 kwi 2025, 18:05', '2025-04-03T18:05:00'],
    ['3 Ağu 2025, 18:05', '2025-08-03T18:05:00'],
    ['3 марта 2025, 18:05', '2025-03-03T18:05:00'],
    ['3 мар. 2025 г., 18:05', '2025-03-03T18:05:00'],
    ['29 Feb 2024, 10:00', '2024-02-29T10:00:00'],
  ])('reads %j as %s', (text, dateTime) => {
    expect(readLocalDateTime(text)).toEqual({ date: dateTime.slice(0, 10), dateTime });
  });

  it.each([
    '29 Feb 2023, 10:00',
    '2024-02-30 10:00:00',
    '2024-11-28 25:00:00',
    '2024-11-28 13:00 PM',
    '15 Foo 2025, 07:48',
    '15 2025, 07:48',
    'yesterday',
    '',
  ])('refuses %j', (text) => {
    expect(readLocalDateTime(text)).toBeUndefined();
  });
});

describe('addSeconds', () => {
  it('adds on the wall clock, across midnight and the end of February', () => {
    expect(addSeconds('2024-11-28T17:36:08', 2134)).toBe('2024-11-28T18:11:42');
    expect(addSeconds('2024-02-28T23:30:00', 3600)).toBe('2024-02-29T00:30:00');
    expect(addSeconds('2025-03-30T01:30:00', 3600)).toBe('2025-03-30T02:30:00');
  });
});
