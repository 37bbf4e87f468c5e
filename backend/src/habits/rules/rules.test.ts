import { shiftDate } from './calendar';
import { dueOn } from './due';
import { evaluatePeriods } from './periods';
import { rateBuckets } from './rates';
import { computeScore, multiplierOf, scoreLookbackDays } from './score';
import { segmentsOf, withScheduleChange } from './schedule';
import { computeStreaks } from './streaks';
import { done, entriesOf, habitOf, skipped, streaksOf, valued } from '../../test/habit-rules';

const days = (from: string, count: number) =>
  Array.from({ length: count }, (_, index) => shiftDate(from, index));

describe('strength score', () => {
  const habit = habitOf({ startDate: '2026-01-01' });
  const scoreAfter = (count: number) =>
    computeScore(habit, entriesOf(done(...days('2026-01-01', count))), {
      from: '2026-01-01',
      to: shiftDate('2026-01-01', count - 1),
    });

  it('gives a daily habit 0.0519 after one check, 0.5 after 13, 0.7980 after 30', () => {
    expect(scoreAfter(1)).toBeCloseTo(0.05192, 5);
    expect(scoreAfter(13)).toBeCloseTo(0.5, 12);
    expect(scoreAfter(30)).toBeCloseTo(0.79802, 5);
  });

  it('halves towards zero in 13 days of misses', () => {
    const entries = entriesOf(done(...days('2026-01-01', 13)));
    const peak = computeScore(habit, entries, { from: '2026-01-01', to: '2026-01-13' });

    expect(computeScore(habit, entries, { from: '2026-01-01', to: '2026-01-26' })).toBeCloseTo(
      peak / 2,
      12,
    );
  });

  it('uses m = 0.5^(sqrt(f)/13): f = 1 for daily, 3/7 for 3 a week', () => {
    expect(multiplierOf(1)).toBeCloseTo(0.948078, 6);
    expect(multiplierOf(3 / 7)).toBeCloseTo(0.5 ** (Math.sqrt(3 / 7) / 13), 15);
    expect(scoreLookbackDays({ from: '2026-01-01', type: 'daily' }, null)).toBe(131);
  });

  it('reaches 1 in the limit for a weekly habit done 3 times every week, not 3/7', () => {
    const weekly = habitOf({ startDate: '2025-01-06', schedules: [{ type: 'weekly', times: 3 }] });
    const dates = days('2025-01-06', 700).filter((date) =>
      ['1', '3', '5'].includes(String(new Date(date).getUTCDay())),
    );

    expect(
      computeScore(weekly, entriesOf(done(...dates)), { from: '2025-01-06', to: '2026-12-06' }),
    ).toBeGreaterThan(0.99);
  });

  it('stays at 0 while a measurable "at least" habit records zeros', () => {
    const water = habitOf({ startDate: '2026-01-01', target: { type: 'atLeast', value: 8 } });
    const zeros = Object.fromEntries(days('2026-01-01', 30).map((date) => [date, 0]));

    expect(
      computeScore(water, entriesOf(valued(zeros)), { from: '2026-01-01', to: '2026-01-30' }),
    ).toBe(0);
  });

  it('counts 4 of 8 glasses as half a day', () => {
    const water = habitOf({ startDate: '2026-01-01', target: { type: 'atLeast', value: 8 } });

    expect(
      computeScore(water, entriesOf(valued({ '2026-01-01': 4 })), {
        from: '2026-01-01',
        to: '2026-01-01',
      }),
    ).toBeCloseTo(0.05192 / 2, 5);
  });
});

describe('measurable habits', () => {
  it('meets "at least 8" with 8 and misses with 7 (a past day), leaving today open', () => {
    const water = habitOf({ startDate: '2026-03-01', target: { type: 'atLeast', value: 8 } });
    const periods = evaluatePeriods(
      water,
      entriesOf(valued({ '2026-03-01': 8, '2026-03-02': 7, '2026-03-03': 5 })),
      {
        from: '2026-03-01',
        to: '2026-03-03',
      },
    );

    expect(periods.map((period) => period.outcome)).toEqual(['met', 'missed', 'open']);
  });

  it('misses "at most 2 coffees" at once with 3, even today, and needs an entry to meet it', () => {
    const coffee = habitOf({ startDate: '2026-03-01', target: { type: 'atMost', value: 2 } });
    const periods = evaluatePeriods(
      coffee,
      entriesOf(valued({ '2026-03-01': 0, '2026-03-03': 3 })),
      {
        from: '2026-03-01',
        to: '2026-03-03',
      },
    );

    expect(periods.map((period) => period.outcome)).toEqual(['met', 'missed', 'missed']);
  });

  it('judges a weekly "at most 5" by the week’s total, not day by day', () => {
    const drinks = habitOf({
      startDate: '2026-11-02',
      schedules: [{ type: 'weekly' }],
      target: { type: 'atMost', value: 5 },
    });
    // 2 a day is under 5 each day; the week totals 6.
    const entries = entriesOf(
      valued({ '2026-11-02': 2, '2026-11-04': 2, '2026-11-06': 2, '2026-11-10': 1 }),
    );

    const periods = evaluatePeriods(drinks, entries, { from: '2026-11-02', to: '2026-11-22' });
    expect(periods.map((period) => [period.start, period.outcome])).toEqual([
      ['2026-11-02', 'missed'],
      ['2026-11-09', 'met'],
      ['2026-11-16', 'open'],
    ]);
  });

  it('meets a weekly "at least 20 km" from the total of the runs', () => {
    const running = habitOf({
      startDate: '2026-11-02',
      schedules: [{ type: 'weekly' }],
      target: { type: 'atLeast', value: 20 },
    });
    const entries = entriesOf(valued({ '2026-11-03': 8, '2026-11-05': 12, '2026-11-10': 19.5 }));

    expect(streaksOf(running, entries, '2026-11-16').best).toEqual({
      count: 1,
      unit: 'week',
      start: '2026-11-02',
      end: '2026-11-08',
    });
    expect(streaksOf(running, entries, '2026-11-16').current.count).toBe(0);
  });
});

describe('every N days', () => {
  const habit = habitOf({
    startDate: '2026-05-01',
    schedules: [{ type: 'interval', interval: 3 }],
  });

  it('is due again 3 days after it was last done, not before', () => {
    const entries = entriesOf(done('2026-05-01'));
    const dueState = (date: string) =>
      dueOn(habit, entries, date, { now: null, reminderTime: null, knownFrom: '2026-05-01' });

    expect(
      ['2026-05-02', '2026-05-03', '2026-05-04', '2026-05-06'].map((date) => dueState(date).isDue),
    ).toEqual([false, false, true, true]);
    expect(dueState('2026-05-06')).toEqual({
      isDue: true,
      isOverdue: true,
      dueSince: '2026-05-04',
      progress: null,
    });
  });

  it('keeps a streak while the gaps stay within 3 days and breaks it on a fourth', () => {
    const kept = entriesOf(done('2026-05-01', '2026-05-04', '2026-05-07', '2026-05-08'));
    const broken = entriesOf(done('2026-05-01', '2026-05-05'));

    expect(streaksOf(habit, kept, '2026-05-10').current.count).toBe(4);
    expect(streaksOf(habit, broken, '2026-05-06').current).toEqual({
      count: 1,
      unit: 'day',
      start: '2026-05-05',
      end: '2026-05-05',
    });
  });

  it('lets a skip restart the count like a day done', () => {
    const entries = entriesOf(done('2026-05-01'), skipped('2026-05-04'), done('2026-05-07'));

    expect(streaksOf(habit, entries, '2026-05-08').current.count).toBe(2);
  });
});

describe('chosen weekdays', () => {
  const habit = habitOf({
    startDate: '2026-06-01',
    schedules: [{ type: 'weekdays', days: [1, 3, 5] }],
  });

  it('is due Monday, Wednesday and Friday only', () => {
    const due = days('2026-06-01', 7).map(
      (date) =>
        dueOn(habit, entriesOf([]), date, {
          now: null,
          reminderTime: null,
          knownFrom: '2026-06-01',
        }).isDue,
    );

    expect(due).toEqual([true, false, true, false, true, false, false]);
  });

  it('breaks the streak on a missed Wednesday, not on an empty Tuesday', () => {
    expect(
      streaksOf(habit, entriesOf(done('2026-06-01', '2026-06-05')), '2026-06-06').current.count,
    ).toBe(1);
    expect(
      streaksOf(habit, entriesOf(done('2026-06-01', '2026-06-03', '2026-06-05')), '2026-06-07')
        .current.count,
    ).toBe(3);
  });

  it('rates a week by the chosen days done: 2 of 3', () => {
    const [week] = rateBuckets(habit, entriesOf(done('2026-06-01', '2026-06-02', '2026-06-03')), {
      from: '2026-06-01',
      to: '2026-06-07',
      by: 'week',
    });

    expect(week).toEqual({
      key: '2026-W23',
      start: '2026-06-01',
      expected: 3,
      achieved: 2,
      rate: 0.6667,
    });
  });
});

describe('due today and overdue', () => {
  it('is overdue once the reminder time has passed in the user’s day, and not once done', () => {
    const habit = habitOf({ startDate: '2026-06-01' });
    const options = { reminderTime: '08:00', knownFrom: '2026-06-01' };

    expect(dueOn(habit, entriesOf([]), '2026-06-02', { ...options, now: '07:59' }).isOverdue).toBe(
      false,
    );
    expect(dueOn(habit, entriesOf([]), '2026-06-02', { ...options, now: '08:00' }).isOverdue).toBe(
      true,
    );
    expect(
      dueOn(habit, entriesOf(done('2026-06-02')), '2026-06-02', { ...options, now: '09:00' }),
    ).toEqual({
      isDue: true,
      isOverdue: false,
      dueSince: null,
      progress: null,
    });
  });

  it('keeps a 2-a-week habit due on the day it is met, with its progress, and not after', () => {
    const habit = habitOf({ startDate: '2026-06-01', schedules: [{ type: 'weekly', times: 2 }] });
    const entries = entriesOf(done('2026-06-01', '2026-06-03'));
    const on = (date: string) =>
      dueOn(habit, entries, date, { now: null, reminderTime: null, knownFrom: '2026-06-01' });

    expect(on('2026-06-03')).toEqual({
      isDue: true,
      isOverdue: false,
      dueSince: null,
      progress: { done: 2, required: 2, periodEnd: '2026-06-07' },
    });
    expect(on('2026-06-04').isDue).toBe(false);
    expect(on('2026-06-08').isDue).toBe(true);
  });

  it('is not due before the habit starts', () => {
    const habit = habitOf({ startDate: '2026-06-10' });

    expect(
      dueOn(habit, entriesOf([]), '2026-06-09', {
        now: null,
        reminderTime: null,
        knownFrom: '2026-06-01',
      }).isDue,
    ).toBe(false);
  });
});

describe('schedules over time', () => {
  it('drops a schedule replaced before it began', () => {
    const habit = habitOf({
      startDate: '2026-01-01',
      schedules: [
        { type: 'daily' },
        { type: 'weekly', times: 2, from: '2026-12-07' },
        { type: 'monthly', times: 4, from: '2026-12-01' },
      ],
    });

    expect(
      segmentsOf(habit).map((segment) => [segment.rule.type, segment.start, segment.end]),
    ).toEqual([
      ['daily', '2026-01-01', '2026-12-06'],
      ['monthly', '2026-12-01', null],
    ]);
  });

  it('treats a week cut short by a change to the schedule as neutral when short of its target', () => {
    const habit = habitOf({
      startDate: '2026-11-02',
      schedules: [
        { type: 'weekly', times: 3 },
        { type: 'daily', from: '2026-11-12' },
      ],
    });
    const entries = entriesOf(
      done('2026-11-02', '2026-11-03', '2026-11-04', '2026-11-10', '2026-11-12', '2026-11-13'),
    );

    expect(
      evaluatePeriods(habit, entries, { from: '2026-11-02', to: '2026-11-13' }).map(
        (period) => period.outcome,
      ),
    ).toEqual(['met', 'neutral', 'met', 'met']);
  });
});

describe('streaks from a window of history', () => {
  const habit = habitOf({ startDate: '2026-01-01' });
  const entries = entriesOf(done(...days('2026-01-01', 60)));

  it('says the current run may reach further back than the window', () => {
    const windowed = computeStreaks(
      evaluatePeriods(habit, entries, { from: '2026-02-01', to: '2026-03-01' }),
      {
        isWindowed: true,
      },
    );

    expect(windowed.current.count).toBe(29);
    expect(windowed.isCurrentComplete).toBe(false);
  });

  it('knows the run is complete once it starts after a missed day inside the window', () => {
    const withGap = entriesOf(
      done(...days('2026-01-01', 60).filter((date) => date !== '2026-02-10')),
    );
    const windowed = computeStreaks(
      evaluatePeriods(habit, withGap, { from: '2026-02-01', to: '2026-03-01' }),
      {
        isWindowed: true,
      },
    );

    expect(windowed).toMatchObject({
      current: { count: 19, start: '2026-02-11' },
      isCurrentComplete: true,
    });
  });
});

describe('the score on the day under way', () => {
  const habit = habitOf({ startDate: '2026-01-01' });
  const entries = entriesOf(done('2026-01-01', '2026-01-02'));

  it('holds until something is recorded for the open day, then counts it', () => {
    const yesterday = computeScore(habit, entries, { from: '2026-01-01', to: '2026-01-02' });

    expect(
      computeScore(habit, entries, { from: '2026-01-01', to: '2026-01-03', openDay: '2026-01-03' }),
    ).toBe(yesterday);
    expect(computeScore(habit, entries, { from: '2026-01-01', to: '2026-01-03' })).toBeLessThan(
      yesterday,
    );
  });
});

describe('changing a schedule', () => {
  const daily = [{ from: '2026-01-05', type: 'daily' as const }];
  const context = { today: '2026-12-03', weekStart: 'monday' as const, startDate: '2026-01-05' };

  it('starts a weekly schedule on the Monday of the week of the change (Thursday 3 December)', () => {
    expect(withScheduleChange(daily, { type: 'weekly', times: 3 }, context)).toEqual([
      { from: '2026-01-05', type: 'daily' },
      { from: '2026-11-30', type: 'weekly', times: 3 },
    ]);
  });

  it('starts it on the Sunday for a Sunday-start user, and a monthly one on the 1st', () => {
    const sunday = { ...context, weekStart: 'sunday' as const };

    expect(withScheduleChange(daily, { type: 'weekly', times: 2 }, sunday).at(-1)?.from).toBe(
      '2026-11-29',
    );
    expect(withScheduleChange(daily, { type: 'monthly', times: 4 }, context).at(-1)?.from).toBe(
      '2026-12-01',
    );
    expect(withScheduleChange(daily, { type: 'interval', interval: 2 }, context).at(-1)?.from).toBe(
      '2026-12-03',
    );
  });

  it('replaces a schedule that began in the same period, and the first one on the start day', () => {
    const changedTwice = withScheduleChange(
      [...daily, { from: '2026-12-01', type: 'weekdays', days: [1] }],
      { type: 'weekly', times: 2 },
      context,
    );
    const onTheFirstDay = withScheduleChange(
      daily,
      { type: 'weekly', times: 2 },
      { ...context, today: '2026-01-05' },
    );

    expect(changedTwice).toEqual([...daily, { from: '2026-11-30', type: 'weekly', times: 2 }]);
    expect(onTheFirstDay).toEqual([{ from: '2026-01-05', type: 'weekly', times: 2 }]);
  });

  it('leaves the list as it was when the schedule does not change', () => {
    expect(withScheduleChange(daily, { type: 'daily' }, context)).toBe(daily);
  });
});
