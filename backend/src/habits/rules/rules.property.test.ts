import fc from 'fast-check';

import {
  datesBetween,
  isoWeekKeyOf,
  maxDate,
  missingLocalDates,
  monthStartOf,
  shiftDate,
  weekStartOf,
} from './calendar';
import { dueOn } from './due';
import { evaluatePeriods, tallyOf } from './periods';
import { rateBuckets } from './rates';
import { computeScore } from './score';
import { computeStreaks } from './streaks';
import { habitOf, streaksOf } from '../../test/habit-rules';
import { toEntryMap, type Entry, type HabitRules, type ScheduleRule, type Target } from './types';

const START = '2026-01-05';
const SPAN = 120;

const dayOffset = fc.integer({ min: 0, max: SPAN - 1 });

const scheduleArb: fc.Arbitrary<Omit<ScheduleRule, 'from'>> = fc.oneof(
  fc.constant({ type: 'daily' as const }),
  fc
    .uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 })
    .map((days) => ({ type: 'weekdays' as const, days: days.sort() })),
  fc.integer({ min: 1, max: 7 }).map((times) => ({ type: 'weekly' as const, times })),
  fc.integer({ min: 1, max: 28 }).map((times) => ({ type: 'monthly' as const, times })),
  fc.integer({ min: 1, max: 10 }).map((interval) => ({ type: 'interval' as const, interval })),
);

const habitArb = (
  target: fc.Arbitrary<Target | null> = fc.constant(null),
): fc.Arbitrary<HabitRules> =>
  fc
    .record({
      first: scheduleArb,
      later: fc.array(fc.tuple(scheduleArb, dayOffset), { maxLength: 2 }),
      weekStart: fc.constantFrom('monday' as const, 'sunday' as const),
      target,
    })
    .map(({ first, later, weekStart, target: chosen }) =>
      habitOf({
        startDate: START,
        weekStart,
        target: chosen,
        schedules: [
          first,
          ...later
            .sort((a, b) => a[1] - b[1])
            .map(([rule, offset]) => ({ ...rule, from: shiftDate(START, offset + 1) })),
        ],
      }),
    );

const entriesArb = (withValues = false): fc.Arbitrary<Entry[]> =>
  fc
    .array(
      fc.record({
        offset: dayOffset,
        status: fc.constantFrom('done' as const, 'done' as const, 'skipped' as const),
        value: withValues ? fc.integer({ min: 0, max: 12 }) : fc.constant(null),
      }),
      { maxLength: 90 },
    )
    .map((items) =>
      items.map(({ offset, status, value }) => ({ date: shiftDate(START, offset), status, value })),
    );

const lastDay = shiftDate(START, SPAN - 1);
const measurableTarget = fc.record({
  type: fc.constantFrom('atLeast' as const, 'atMost' as const),
  value: fc.integer({ min: 1, max: 10 }),
});

describe('score properties', () => {
  it('stays between 0 and 1 for any habit and history', () => {
    fc.assert(
      fc.property(habitArb(fc.option(measurableTarget)), entriesArb(true), (habit, entries) => {
        const score = computeScore(habit, toEntryMap(entries), { from: START, to: lastDay });

        return score >= 0 && score <= 1;
      }),
    );
  });

  it('never drops when a yes/no day without an entry is marked done', () => {
    fc.assert(
      fc.property(habitArb(), entriesArb(), dayOffset, (habit, entries, offset) => {
        const map = toEntryMap(entries);
        const date = shiftDate(START, offset);
        fc.pre(!map.has(date));
        const more = new Map(map).set(date, { date, status: 'done', value: null });

        const window = { from: START, to: lastDay };
        return computeScore(habit, more, window) >= computeScore(habit, map, window) - 1e-12;
      }),
    );
  });

  it('never rises for an "at least" habit while every value entered is 0', () => {
    fc.assert(
      fc.property(
        habitArb(fc.constant({ type: 'atLeast' as const, value: 5 })),
        entriesArb(true),
        (habit, entries) => {
          const zeros = entries.map((entry) => ({ ...entry, value: 0 }));

          return computeScore(habit, toEntryMap(zeros), { from: START, to: lastDay }) === 0;
        },
      ),
    );
  });
});

describe('streak properties', () => {
  it('never shortens the current or best streak when a day is marked done', () => {
    fc.assert(
      fc.property(habitArb(), entriesArb(), dayOffset, (habit, entries, offset) => {
        const map = toEntryMap(entries);
        const date = shiftDate(START, offset);
        fc.pre(map.get(date)?.status !== 'done');
        const before = streaksOf(habit, map, lastDay);
        const after = streaksOf(
          habit,
          new Map(map).set(date, { date, status: 'done', value: null }),
          lastDay,
        );

        return after.current.count >= before.current.count && after.best.count >= before.best.count;
      }),
    );
  });

  it('never shortens the current streak when an empty day is skipped instead', () => {
    fc.assert(
      fc.property(habitArb(), entriesArb(), dayOffset, (habit, entries, offset) => {
        const map = toEntryMap(entries);
        const date = shiftDate(START, offset);
        fc.pre(!map.has(date));
        const after = streaksOf(
          habit,
          new Map(map).set(date, { date, status: 'skipped', value: null }),
          lastDay,
        );

        return after.current.count >= streaksOf(habit, map, lastDay).current.count;
      }),
    );
  });

  it('has a best streak at least as long as the current one', () => {
    fc.assert(
      fc.property(habitArb(fc.option(measurableTarget)), entriesArb(true), (habit, entries) => {
        const { current, best } = streaksOf(habit, toEntryMap(entries), lastDay);

        return best.count >= current.count;
      }),
    );
  });

  it('matches a plain count for a daily habit: done days back from today or yesterday, skips passed over', () => {
    fc.assert(
      fc.property(entriesArb(), (entries) => {
        const map = toEntryMap(entries);
        let expected = 0;
        let date = map.has(lastDay) ? lastDay : shiftDate(lastDay, -1);
        for (; date >= START && map.has(date); date = shiftDate(date, -1)) {
          expected += map.get(date)?.status === 'done' ? 1 : 0;
        }

        return streaksOf(habitOf({ startDate: START }), map, lastDay).current.count === expected;
      }),
    );
  });

  it('gives the same current streak from a window as from the whole history when it says it is complete', () => {
    fc.assert(
      fc.property(
        habitArb(),
        entriesArb(),
        fc.integer({ min: 1, max: SPAN - 1 }),
        (habit, entries, offset) => {
          const map = toEntryMap(entries);
          const windowed = computeStreaks(
            evaluatePeriods(habit, map, { from: shiftDate(START, offset), to: lastDay }),
            { isWindowed: true },
          );
          const full = streaksOf(habit, map, lastDay);

          return windowed.isCurrentComplete
            ? windowed.current.count === full.current.count
            : windowed.current.count <= full.current.count;
        },
      ),
    );
  });
});

describe('period and due properties', () => {
  it('judges periods in order, without overlap, each within the habit’s life and the window', () => {
    fc.assert(
      fc.property(habitArb(fc.option(measurableTarget)), entriesArb(true), (habit, entries) => {
        const periods = evaluatePeriods(habit, toEntryMap(entries), { from: START, to: lastDay });

        return periods.every(
          (period, index) =>
            period.start <= period.end &&
            period.start >= START &&
            period.end <= lastDay &&
            (period.unit !== 'day' || period.start === period.end) &&
            (index === 0 || (periods[index - 1]?.end ?? '') < period.start),
        );
      }),
    );
  });

  it('asks for a yes/no weekly or monthly habit exactly while its period is short of its target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('weekly' as const, 'monthly' as const),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('monday' as const, 'sunday' as const),
        entriesArb(),
        dayOffset,
        (type, times, weekStart, entries, offset) => {
          const habit = habitOf({ startDate: START, weekStart, schedules: [{ type, times }] });
          const map = toEntryMap(entries);
          const date = shiftDate(START, offset);
          const periodStart = maxDate(
            START,
            type === 'weekly' ? weekStartOf(date, weekStart) : monthStartOf(date),
          );
          const doneBefore = tallyOf(map, periodStart, shiftDate(date, -1)).done;
          const due = dueOn(habit, map, date, { now: null, reminderTime: null, knownFrom: START });

          return due.isDue === doneBefore < times && due.progress?.required === times;
        },
      ),
    );
  });

  it('always asks for a daily habit from its start, and never before', () => {
    fc.assert(
      fc.property(entriesArb(), fc.integer({ min: -30, max: SPAN - 1 }), (entries, offset) => {
        const date = shiftDate(START, offset);
        const due = dueOn(habitOf({ startDate: START }), toEntryMap(entries), date, {
          now: null,
          reminderTime: null,
          knownFrom: START,
        });

        return due.isDue === date >= START;
      }),
    );
  });
});

describe('calendar properties', () => {
  it('gives the seven days from a Monday one ISO week key, and the next Monday another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), (offset) => {
        const monday = weekStartOf(shiftDate('2000-01-01', offset), 'monday');
        const keys = new Set(datesBetween(monday, shiftDate(monday, 6)).map(isoWeekKeyOf));

        return keys.size === 1 && !keys.has(isoWeekKeyOf(shiftDate(monday, 7)));
      }),
    );
  });

  it('finds exactly the dates no instant maps to in the zone', () => {
    const zones = [
      'Pacific/Apia',
      'Pacific/Kiritimati',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 40 * 365 }),
        (zone, offset) => {
          const from = shiftDate('1990-01-01', offset);
          const to = shiftDate(from, 30);
          const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' });
          const seen = new Set<string>();
          const end = Date.parse(`${shiftDate(to, 2)}T00:00:00Z`);
          for (
            let instant = Date.parse(`${shiftDate(from, -2)}T00:00:00Z`);
            instant <= end;
            instant += 1_800_000
          ) {
            seen.add(format.format(instant));
          }
          const expected = datesBetween(from, to).filter((date) => !seen.has(date));

          return (
            JSON.stringify([...missingLocalDates(zone, from, to)]) === JSON.stringify(expected)
          );
        },
      ),
      {
        numRuns: 40,
        examples: [
          ['Pacific/Apia', 7_980],
          ['Pacific/Kiritimati', 1_810],
        ],
      },
    );
  });
});

describe('rate properties', () => {
  it('keeps rates between 0 and 1 and asks the same total by week as by month', () => {
    fc.assert(
      fc.property(habitArb(fc.option(measurableTarget)), entriesArb(true), (habit, entries) => {
        const map = toEntryMap(entries);
        const range = { from: START, to: lastDay };
        const weeks = rateBuckets(habit, map, { ...range, by: 'week' });
        const months = rateBuckets(habit, map, { ...range, by: 'month' });
        const sum = (buckets: typeof weeks) =>
          buckets.reduce((total, bucket) => total + bucket.expected, 0);
        const rates = [...weeks, ...months].map((bucket) => bucket.rate);

        return (
          rates.every((rate) => rate === null || (rate >= 0 && rate <= 1)) &&
          Math.abs(sum(weeks) - sum(months)) < 0.05
        );
      }),
    );
  });
});
