import { instantOfLocal } from './time';

describe('instantOfLocal', () => {
  it.each([
    ['2024-01-15T12:00:00', 'Europe/Berlin', '2024-01-15T11:00:00.000Z'],
    ['2024-07-04T09:15:30', 'America/New_York', '2024-07-04T13:15:30.000Z'],
    ['2024-01-15T12:00', 'Asia/Kolkata', '2024-01-15T06:30:00.000Z'],
    ['2024-12-31T23:59:59', 'Pacific/Auckland', '2024-12-31T10:59:59.000Z'],
    // Berlin skips 02:00 to 03:00 on 31 March 2024: a skipped time is taken an hour later.
    ['2024-03-31T02:30:00', 'Europe/Berlin', '2024-03-31T01:30:00.000Z'],
    // Berlin repeats 02:00 to 03:00 on 27 October 2024: the first occurrence (summer time).
    ['2024-10-27T02:30:00', 'Europe/Berlin', '2024-10-27T00:30:00.000Z'],
  ])('reads %s in %s as %s', (local, zone, instant) => {
    expect(instantOfLocal(local, zone)?.toISOString()).toBe(instant);
  });

  it.each(['2024-02-30T10:00:00', '2024-01-01T24:00:00', '2024-01-01 10:00', '10:00'])(
    'answers null for %s',
    (local) => {
      expect(instantOfLocal(local, 'Europe/Berlin')).toBeNull();
    },
  );
});
