// The named calendar cases of issue 3: each asserts an exact value.
import { localDateIn } from '../../lib/time';
import {
  daysBetween,
  isoWeekKeyOf,
  missingLocalDates,
  shiftDate,
  weekKeyOf,
  weekStartOf,
} from './calendar';
import { rateBuckets } from './rates';
import { computeScore } from './score';
import { done, entriesOf, habitOf, skipped, streaksOf } from '../../test/habit-rules';

/** The local dates of instants in a zone, as the API would store them. */
function localDates(timeZone: string, instants: string[]): string[] {
  return instants.map((instant) => localDateIn(timeZone, new Date(instant)));
}

describe('a daily habit done at 23:30 and at 00:30 local time', () => {
  it('counts two days (Europe/Berlin, 10 and 11 March 2026)', () => {
    const dates = localDates('Europe/Berlin', ['2026-03-10T22:30:00Z', '2026-03-10T23:30:00Z']);

    expect(dates).toEqual(['2026-03-10', '2026-03-11']);
    const streaks = streaksOf(
      habitOf({ startDate: '2026-03-10' }),
      entriesOf(done(...dates)),
      '2026-03-11',
    );
    expect(streaks.current).toEqual({
      count: 2,
      unit: 'day',
      start: '2026-03-10',
      end: '2026-03-11',
    });
  });
});

describe('a New York user across the daylight-saving changes of 2026', () => {
  const zone = 'America/New_York';

  it('keeps 8 March (23 hours long) as one day: done at 00:30 and 23:30 it is one entry', () => {
    // 00:30 EST and 23:30 EDT on the day the clocks go forward.
    const dates = localDates(zone, ['2026-03-08T05:30:00Z', '2026-03-09T03:30:00Z']);

    expect(dates).toEqual(['2026-03-08', '2026-03-08']);
    expect(localDates(zone, ['2026-03-09T04:30:00Z'])).toEqual(['2026-03-09']);
  });

  it('counts 6 to 10 March, done each morning at 07:00, as a 5-day streak', () => {
    const dates = localDates(zone, [
      '2026-03-06T12:00:00Z', // 07:00 EST
      '2026-03-07T12:00:00Z',
      '2026-03-08T11:00:00Z', // 07:00 EDT
      '2026-03-09T11:00:00Z',
      '2026-03-10T11:00:00Z',
    ]);

    expect(new Set(dates).size).toBe(5);
    const streaks = streaksOf(
      habitOf({ startDate: '2026-03-06' }),
      entriesOf(done(...dates)),
      '2026-03-10',
    );
    expect(streaks.current.count).toBe(5);
  });

  it('maps both 01:30s of 1 November (the repeated hour) to one day, and the 25-hour day to one', () => {
    const dates = localDates(zone, ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']);

    expect(dates).toEqual(['2026-11-01', '2026-11-01']);
    const entries = entriesOf(done('2026-10-30', '2026-10-31', ...dates, '2026-11-02'));
    expect(entries.size).toBe(4);
    expect(
      streaksOf(habitOf({ startDate: '2026-10-30' }), entries, '2026-11-02').current.count,
    ).toBe(4);
  });

  it('knows "yesterday" on the morning after the change: 00:30 EST on 2 November', () => {
    const today = localDateIn(zone, new Date('2026-11-02T05:30:00Z'));

    expect([today, shiftDate(today, -1)]).toEqual(['2026-11-02', '2026-11-01']);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });
});

describe('a user who flies from Tokyo to Los Angeles', () => {
  it('keeps every day once: 7 to 10 March in Tokyo, then 10 and 11 March in Los Angeles', () => {
    const inTokyo = localDates('Asia/Tokyo', [
      '2026-03-07T11:00:00Z', // 20:00 JST
      '2026-03-08T11:00:00Z',
      '2026-03-09T11:00:00Z',
      '2026-03-10T03:00:00Z', // 12:00 JST, then the flight back across the date line
    ]);
    const inLosAngeles = localDates('America/Los_Angeles', [
      '2026-03-11T03:00:00Z', // 20:00 PDT on 10 March: that day again, not a new one
      '2026-03-12T03:00:00Z', // 20:00 PDT on 11 March
    ]);

    expect(inTokyo).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(inLosAngeles).toEqual(['2026-03-10', '2026-03-11']);
    const entries = entriesOf(done(...inTokyo, ...inLosAngeles));
    expect(entries.size).toBe(5);
    expect(streaksOf(habitOf({ startDate: '2026-03-07' }), entries, '2026-03-11').current).toEqual({
      count: 5,
      unit: 'day',
      start: '2026-03-07',
      end: '2026-03-11',
    });
  });

  it('counts a day done in Tokyo that has not begun yet in Los Angeles (evaluated up to it)', () => {
    // 07:00 JST on 11 March is 15:00 PDT on 10 March.
    const [early] = localDates('Asia/Tokyo', ['2026-03-10T22:00:00Z']);
    const todayInLosAngeles = localDateIn('America/Los_Angeles', new Date('2026-03-10T22:00:00Z'));

    expect([early, todayInLosAngeles]).toEqual(['2026-03-11', '2026-03-10']);
    const entries = entriesOf(done('2026-03-09', '2026-03-10', early as string));
    expect(
      streaksOf(habitOf({ startDate: '2026-03-09' }), entries, early as string).current.count,
    ).toBe(3);
  });
});

describe('Australia/Lord_Howe, where the clocks move by half an hour', () => {
  const zone = 'Australia/Lord_Howe';

  it('starts 5 April 2026 at 13:00 UTC (+11:00) and maps both 01:45s of the repeated half hour to it', () => {
    expect(
      localDates(zone, [
        '2026-04-04T12:59:00Z',
        '2026-04-04T13:00:00Z',
        '2026-04-04T14:45:00Z', // 01:45 +11:00
        '2026-04-04T15:15:00Z', // 01:45 +10:30
      ]),
    ).toEqual(['2026-04-04', '2026-04-05', '2026-04-05', '2026-04-05']);
  });

  it('starts 4 October 2026 at 13:30 UTC (+10:30); 01:59 is followed by 02:30 on the same day', () => {
    expect(
      localDates(zone, ['2026-10-03T13:29:00Z', '2026-10-03T13:30:00Z', '2026-10-03T15:30:00Z']),
    ).toEqual(['2026-10-03', '2026-10-04', '2026-10-04']);
  });

  it('counts 4 to 6 April as a 3-day streak and finds no missing day', () => {
    const habit = habitOf({
      startDate: '2026-04-04',
      missingDates: missingLocalDates(zone, '2026-04-01', '2026-10-31'),
    });

    expect(habit.missingDates?.size).toBe(0);
    expect(
      streaksOf(habit, entriesOf(done('2026-04-04', '2026-04-05', '2026-04-06')), '2026-04-06')
        .current.count,
    ).toBe(3);
  });
});

describe('Pacific/Apia, which skipped 30 December 2011', () => {
  const zone = 'Pacific/Apia';
  const entries = entriesOf(done('2011-12-28', '2011-12-29', '2011-12-31', '2012-01-01'));

  it('goes from 23:59 on 29 December straight to 00:00 on 31 December', () => {
    expect(localDates(zone, ['2011-12-30T09:59:00Z', '2011-12-30T10:00:00Z'])).toEqual([
      '2011-12-29',
      '2011-12-31',
    ]);
    expect([...missingLocalDates(zone, '2011-12-01', '2012-01-31')]).toEqual(['2011-12-30']);
  });

  it('keeps a daily streak through the missing day: 4 days (it would be 2 in UTC)', () => {
    const inApia = habitOf({
      startDate: '2011-12-28',
      missingDates: missingLocalDates(zone, '2011-12-28', '2012-01-01'),
    });
    const inUtc = habitOf({
      startDate: '2011-12-28',
      missingDates: missingLocalDates('UTC', '2011-12-28', '2012-01-01'),
    });

    expect(streaksOf(inApia, entries, '2012-01-01').current.count).toBe(4);
    expect(streaksOf(inUtc, entries, '2012-01-01').current.count).toBe(2);
  });

  it('asks 6 repetitions of a daily habit in the week of 26 December 2011', () => {
    const habit = habitOf({
      startDate: '2011-12-26',
      missingDates: missingLocalDates(zone, '2011-12-26', '2012-01-01'),
    });

    const [week] = rateBuckets(habit, entries, {
      from: '2011-12-26',
      to: '2012-01-01',
      by: 'week',
    });
    expect(week).toEqual({
      key: '2011-W52',
      start: '2011-12-26',
      expected: 6,
      achieved: 4,
      rate: 0.6667,
    });
  });
});

describe('29 February', () => {
  it('is a day of a daily streak in 2028: 28 Feb, 29 Feb, 1 Mar is 3 days', () => {
    const entries = entriesOf(done('2028-02-28', '2028-02-29', '2028-03-01'));

    expect(shiftDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(
      streaksOf(habitOf({ startDate: '2028-02-28' }), entries, '2028-03-01').current.count,
    ).toBe(3);
  });

  it('does not exist in 2027: 28 Feb and 1 Mar are consecutive, a 2-day streak', () => {
    expect(shiftDate('2027-02-28', 1)).toBe('2027-03-01');
    expect(
      streaksOf(
        habitOf({ startDate: '2027-02-28' }),
        entriesOf(done('2027-02-28', '2027-03-01')),
        '2027-03-01',
      ).current.count,
    ).toBe(2);
  });

  it('makes February 2028 ask exactly 2 repetitions of a twice-a-month habit over its 29 days', () => {
    const habit = habitOf({ startDate: '2028-02-01', schedules: [{ type: 'monthly', times: 2 }] });

    const [february] = rateBuckets(habit, entriesOf(done('2028-02-29')), {
      from: '2028-02-01',
      to: '2028-02-29',
      by: 'month',
    });
    expect(february).toEqual({
      key: '2028-02',
      start: '2028-02-01',
      expected: 2,
      achieved: 1,
      rate: 0.5,
    });
  });
});

describe('a week crossing New Year (ISO week 53)', () => {
  it('puts 28 December 2026 to 3 January 2027 in 2026-W53', () => {
    expect(
      ['2026-12-27', '2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03', '2027-01-04'].map(
        isoWeekKeyOf,
      ),
    ).toEqual(['2026-W52', '2026-W53', '2026-W53', '2026-W53', '2026-W53', '2027-W01']);
    expect(isoWeekKeyOf('2021-01-01')).toBe('2020-W53');
    expect(isoWeekKeyOf('2024-12-30')).toBe('2025-W01');
  });

  it('meets a 3-times-a-week target with 29 Dec, 31 Dec and 2 Jan: one whole week', () => {
    const habit = habitOf({ startDate: '2026-12-21', schedules: [{ type: 'weekly', times: 3 }] });
    const entries = entriesOf(
      done('2026-12-22', '2026-12-23', '2026-12-24', '2026-12-29', '2026-12-31', '2027-01-02'),
    );

    expect(streaksOf(habit, entries, '2027-01-05').current).toEqual({
      count: 2,
      unit: 'week',
      start: '2026-12-21',
      end: '2027-01-03',
    });
    const weeks = rateBuckets(habit, entries, { from: '2026-12-28', to: '2027-01-03', by: 'week' });
    expect(weeks).toEqual([
      { key: '2026-W53', start: '2026-12-28', expected: 3, achieved: 3, rate: 1 },
    ]);
  });

  it('keys a Sunday-start week by its Sunday: 27 December 2026', () => {
    expect(weekKeyOf('2027-01-02', 'sunday')).toBe('2026-12-27');
    expect(weekStartOf('2027-01-03', 'sunday')).toBe('2027-01-03');
  });
});

describe('weekly targets with Monday-start and Sunday-start weeks', () => {
  // Twice a week; done Sun 8, Mon 9, Tue 17 and Wed 18 November 2026; judged on Sat 21.
  const entries = entriesOf(done('2026-11-08', '2026-11-09', '2026-11-17', '2026-11-18'));
  const habitStarting = (weekStart: 'monday' | 'sunday') =>
    habitOf({ startDate: '2026-11-01', weekStart, schedules: [{ type: 'weekly', times: 2 }] });

  it('with Monday weeks, splits 8 and 9 November into two missed weeks: current 1, best 1', () => {
    const streaks = streaksOf(habitStarting('monday'), entries, '2026-11-21');

    expect(streaks.current).toEqual({
      count: 1,
      unit: 'week',
      start: '2026-11-16',
      end: '2026-11-21',
    });
    expect(streaks.best.count).toBe(1);
  });

  it('with Sunday weeks, counts 8 to 14 and 15 to 21 November as met: current 2', () => {
    const streaks = streaksOf(habitStarting('sunday'), entries, '2026-11-21');

    expect(streaks.current).toEqual({
      count: 2,
      unit: 'week',
      start: '2026-11-08',
      end: '2026-11-21',
    });
  });
});

describe('a schedule changed mid-streak', () => {
  it('daily for 10 days, then Mon/Wed/Fri from Thursday 12 November: the streak goes on, 13 days', () => {
    const habit = habitOf({
      startDate: '2026-11-02',
      schedules: [{ type: 'daily' }, { type: 'weekdays', days: [1, 3, 5], from: '2026-11-12' }],
    });
    const daily = Array.from({ length: 10 }, (_, index) => shiftDate('2026-11-02', index));
    const entries = entriesOf(done(...daily, '2026-11-13', '2026-11-16', '2026-11-18'));

    expect(streaksOf(habit, entries, '2026-11-19').current).toEqual({
      count: 13,
      unit: 'day',
      start: '2026-11-02',
      end: '2026-11-18',
    });
  });

  it('judges the days before the change by the old schedule: a missed daily day stays missed', () => {
    const habit = habitOf({
      startDate: '2026-11-02',
      schedules: [{ type: 'daily' }, { type: 'weekdays', days: [1, 3, 5], from: '2026-11-12' }],
    });
    // Wednesday 4 November was missed while the habit was daily.
    const entries = entriesOf(done('2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06'));

    expect(streaksOf(habit, entries, '2026-11-06').current.count).toBe(2);
  });

  it('daily for 14 days, then 3 times a week from Monday 16 November: 14 days + 1 week', () => {
    const habit = habitOf({
      startDate: '2026-11-02',
      schedules: [{ type: 'daily' }, { type: 'weekly', times: 3, from: '2026-11-16' }],
    });
    const daily = Array.from({ length: 14 }, (_, index) => shiftDate('2026-11-02', index));
    const entries = entriesOf(
      done(...daily, '2026-11-16', '2026-11-18', '2026-11-20', '2026-11-24'),
    );

    expect(streaksOf(habit, entries, '2026-11-25').current).toEqual({
      count: 15,
      unit: 'period',
      start: '2026-11-02',
      end: '2026-11-22',
    });
  });
});

describe('a skipped day inside a streak', () => {
  const habit = habitOf({ startDate: '2026-11-01' });
  const entries = entriesOf(
    done('2026-11-01', '2026-11-02', '2026-11-03'),
    skipped('2026-11-04'),
    done('2026-11-05', '2026-11-06'),
  );

  it('neither breaks nor extends it: 5 days from 1 November', () => {
    expect(streaksOf(habit, entries, '2026-11-06').current).toEqual({
      count: 5,
      unit: 'day',
      start: '2026-11-01',
      end: '2026-11-06',
    });
  });

  it('leaves the score as it was', () => {
    const before = computeScore(habit, entries, { from: '2026-11-01', to: '2026-11-03' });

    expect(computeScore(habit, entries, { from: '2026-11-01', to: '2026-11-04' })).toBe(before);
    expect(before).toBeCloseTo(1 - 0.5 ** (3 / 13), 12);
  });

  it('lets a week of 3-times-a-week with 2 done and 1 skipped pass without breaking: neutral', () => {
    const weekly = habitOf({ startDate: '2026-11-02', schedules: [{ type: 'weekly', times: 3 }] });
    const weeks = entriesOf(
      done('2026-11-02', '2026-11-04', '2026-11-06'),
      done('2026-11-09', '2026-11-11'),
      skipped('2026-11-13'),
      done('2026-11-16', '2026-11-17', '2026-11-18'),
    );

    expect(streaksOf(weekly, weeks, '2026-11-22').current).toEqual({
      count: 2,
      unit: 'week',
      start: '2026-11-02',
      end: '2026-11-22',
    });
  });
});
