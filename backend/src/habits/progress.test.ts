import { Types } from 'mongoose';

import { localDateIn } from '../lib/time';
import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';
import { CompletionModel } from './model';
import {
  isoWeekKeyOf,
  monthKeyOf,
  shiftDate,
  weekKeyOf,
  weekStartOf,
  weekdayOf,
} from './rules/calendar';

useTestServices();

const ZONE = 'Europe/Berlin';

async function createHabit(auth: TestUser['auth'], body: object) {
  const res = await api().post('/api/habits').set(auth).send(body);
  expect(res.status).toBe(201);

  return res.body as { id: string; name: string };
}

async function mark(auth: TestUser['auth'], habitId: string, date: string, body: object = {}) {
  const res = await api().put(`/api/habits/${habitId}/completions/${date}`).set(auth).send(body);
  expect(res.status).toBe(200);
}

/** Writes many days straight to the database, as the API would store them. */
async function buildCompletions(user: TestUser['user'], habitId: string, dates: string[]) {
  await CompletionModel.insertMany(
    dates.map((date) => ({
      userId: user._id,
      habitId: new Types.ObjectId(habitId),
      date,
      isoWeek: isoWeekKeyOf(date),
      sundayWeek: weekStartOf(date, 'sunday'),
      month: monthKeyOf(date),
      status: 'done',
    })),
  );
}

const daysBack = (today: string, from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, index) => shiftDate(today, -from + index));

describe('GET /api/today', () => {
  it('lists what is due first, by reminder time, then the rest, and marks the overdue', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    const today = localDateIn(ZONE);
    const tomorrowWeekday = (weekdayOf(today) + 1) % 7;
    await createHabit(auth, {
      name: 'Not today',
      schedule: { type: 'weekdays', days: [tomorrowWeekday] },
    });
    await createHabit(auth, { name: 'Late', reminderTime: '23:59' });
    await createHabit(auth, { name: 'Early', reminderTime: '00:00' });
    await createHabit(auth, { name: 'Anytime' });
    const doneEarly = await createHabit(auth, { name: 'Done early', reminderTime: '00:00' });
    await mark(auth, doneEarly.id, today);

    const res = await api().get('/api/today').set(auth);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: today, today, timeZone: ZONE });
    const rows = res.body.habits as Array<{
      name: string;
      due: { isDue: boolean; isOverdue: boolean };
    }>;
    expect(rows.map((row) => row.name)).toEqual([
      'Early',
      'Done early',
      'Late',
      'Anytime',
      'Not today',
    ]);
    const state = (name: string) => {
      const due = rows.find((row) => row.name === name)?.due;
      return [due?.isDue, due?.isOverdue];
    };
    expect([state('Early'), state('Done early'), state('Anytime'), state('Not today')]).toEqual([
      [true, true],
      [true, false],
      [true, false],
      [false, false],
    ]);
  });

  it('shows a twice-a-week habit’s progress and stops asking once the week is met', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    const habit = await createHabit(auth, {
      name: 'Gym',
      schedule: { type: 'weekly', times: 2 },
      startDate: '2026-11-02',
    });
    await mark(auth, habit.id, '2026-11-23');
    await mark(auth, habit.id, '2026-11-24');

    const tuesday = await api().get('/api/today?date=2026-11-24').set(auth);
    const wednesday = await api().get('/api/today?date=2026-11-25').set(auth);

    expect(tuesday.body.habits[0].due).toEqual({
      isDue: true,
      isOverdue: false,
      dueSince: null,
      progress: { done: 2, required: 2, periodEnd: '2026-11-29' },
    });
    expect(wednesday.body.habits[0].due.isDue).toBe(false);
    expect(wednesday.body.habits[0].completion).toBeNull();
  });

  it('marks an every-3-days habit overdue since the day it fell due', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    const habit = await createHabit(auth, {
      name: 'Water the plants',
      schedule: { type: 'interval', interval: 3 },
      startDate: '2026-11-01',
    });
    await mark(auth, habit.id, '2026-11-01');

    const res = await api().get('/api/today?date=2026-11-06').set(auth);

    expect(res.body.habits[0].due).toEqual({
      isDue: true,
      isOverdue: true,
      dueSince: '2026-11-04',
      progress: null,
    });
  });

  it('decides "today" in each user’s own zone: Kiritimati is a day ahead of Honolulu', async () => {
    const ahead = await buildUser({ timezone: 'Pacific/Kiritimati' });
    const behind = await buildUser({ timezone: 'Pacific/Honolulu' });

    const [first, second] = await Promise.all([
      api().get('/api/today').set(ahead.auth),
      api().get('/api/today').set(behind.auth),
    ]);

    expect(first.body.date).toBe(localDateIn('Pacific/Kiritimati'));
    expect(second.body.date).toBe(localDateIn('Pacific/Honolulu'));
    expect(shiftDate(second.body.date, 1)).toBe(first.body.date);
  });

  it('leaves out archived habits and other users’ habits', async () => {
    const alice = await buildUser({ timezone: ZONE });
    const bob = await buildUser({ timezone: ZONE });
    const archived = await createHabit(alice.auth, { name: 'Old' });
    await api().patch(`/api/habits/${archived.id}`).set(alice.auth).send({ archived: true });
    await createHabit(alice.auth, { name: 'Current' });
    await createHabit(bob.auth, { name: 'Bob’s' });

    const res = await api().get('/api/today?date=2026-11-25').set(alice.auth);

    expect(res.body.habits.map((habit: { name: string }) => habit.name)).toEqual(['Current']);
  });
});

describe('GET /api/habits/:id/history', () => {
  it('returns the recorded days and the rates by week and by month', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    const habit = await createHabit(auth, { name: 'Read', startDate: '2026-06-01' });
    await mark(auth, habit.id, '2026-06-01');
    await mark(auth, habit.id, '2026-06-02', { note: 'two chapters' });
    await mark(auth, habit.id, '2026-06-03', { status: 'skipped' });
    await mark(auth, habit.id, '2026-06-05');

    const res = await api()
      .get(`/api/habits/${habit.id}/history?from=2026-06-01&to=2026-06-07`)
      .set(auth);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2026-06-01',
      to: '2026-06-07',
      days: [
        { date: '2026-06-01', status: 'done', value: null, note: '', credit: 1 },
        { date: '2026-06-02', status: 'done', value: null, note: 'two chapters', credit: 1 },
        { date: '2026-06-03', status: 'skipped', value: null, note: '', credit: 0 },
        { date: '2026-06-05', status: 'done', value: null, note: '', credit: 1 },
      ],
      weeks: [{ key: '2026-W23', start: '2026-06-01', expected: 6, achieved: 3, rate: 0.5 }],
      months: [{ key: '2026-06', start: '2026-06-01', expected: 6, achieved: 3, rate: 0.5 }],
    });
  });

  it('counts a measurable day’s share of its target', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    const habit = await createHabit(auth, {
      name: 'Water',
      kind: 'measurable',
      target: { type: 'atLeast', value: 8, unit: 'glasses' },
      startDate: '2026-06-01',
    });
    await mark(auth, habit.id, '2026-06-01', { value: 8 });
    await mark(auth, habit.id, '2026-06-02', { value: 4 });

    const res = await api()
      .get(`/api/habits/${habit.id}/history?from=2026-06-01&to=2026-06-02`)
      .set(auth);

    expect(res.body.days.map((day: { credit: number }) => day.credit)).toEqual([1, 0.5]);
    expect(res.body.weeks).toEqual([
      { key: '2026-W23', start: '2026-06-01', expected: 2, achieved: 1.5, rate: 0.75 },
    ]);
  });

  it('defaults to the 53 weeks up to the user’s today, from a week start', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    const habit = await createHabit(auth, { name: 'Read' });
    const today = localDateIn(ZONE);

    const res = await api().get(`/api/habits/${habit.id}/history`).set(auth);

    expect({ from: res.body.from, to: res.body.to }).toEqual({
      from: weekStartOf(shiftDate(today, -364), 'monday'),
      to: today,
    });
  });

  it('uses Sunday weeks for a user whose week starts on Sunday', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    await api().patch('/api/users/me').set(auth).send({ weekStart: 'sunday' });
    const habit = await createHabit(auth, { name: 'Read', startDate: '2026-06-01' });

    const res = await api()
      .get(`/api/habits/${habit.id}/history?from=2026-06-01&to=2026-06-08`)
      .set(auth);

    expect(res.body.weeks.map((week: { key: string }) => week.key)).toEqual([
      '2026-05-31',
      '2026-06-07',
    ]);
  });

  it.each([
    ['from=2026-06-08&to=2026-06-01', 'from'],
    ['from=2024-01-01&to=2026-06-01', 'from'],
    ['from=2026-02-30', 'from'],
    ['to=tomorrow', 'to'],
    ['days=3', 'days'],
  ])('answers 400 for ?%s', async (query, field) => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth, { name: 'Read' });

    const res = await api().get(`/api/habits/${habit.id}/history?${query}`).set(auth);

    expectError(res, 400, 'VALIDATION_FAILED', field);
  });

  it('answers 404 for another user’s habit', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const habit = await createHabit(alice.auth, { name: 'Read' });

    expectError(await api().get(`/api/habits/${habit.id}/history`).set(bob.auth), 404, 'NOT_FOUND');
    expectError(await api().get(`/api/habits/${habit.id}/stats`).set(bob.auth), 404, 'NOT_FOUND');
  });
});

describe('GET /api/habits/:id/stats', () => {
  it('gives the current and best streak, the score and totals as of the user’s today', async () => {
    const { auth, user } = await buildUser({ timezone: ZONE });
    const today = localDateIn(ZONE);
    const habit = await createHabit(auth, { name: 'Read', startDate: shiftDate(today, -12) });
    // 7 days done, 1 missed, 4 done up to yesterday; today not yet.
    await buildCompletions(user, habit.id, [...daysBack(today, 12, 6), ...daysBack(today, 4, 1)]);

    const res = await api().get(`/api/habits/${habit.id}/stats`).set(auth);

    const m = 0.5 ** (1 / 13);
    const score = (1 - m ** 7) * m * m ** 4 + (1 - m ** 4);
    expect(res.body).toEqual({
      asOf: today,
      currentStreak: {
        count: 4,
        unit: 'day',
        start: shiftDate(today, -4),
        end: shiftDate(today, -1),
      },
      bestStreak: {
        count: 7,
        unit: 'day',
        start: shiftDate(today, -12),
        end: shiftDate(today, -6),
      },
      score: Math.round(score * 10_000) / 10_000,
      totals: { done: 11, skipped: 0, value: 0 },
    });
  });

  it('keeps the days of a user who flew from Tokyo to Los Angeles, also one that LA has not reached', async () => {
    const { auth } = await buildUser({ timezone: 'Asia/Tokyo' });
    const tokyoToday = localDateIn('Asia/Tokyo');
    const habit = await createHabit(auth, { name: 'Read', startDate: shiftDate(tokyoToday, -2) });
    for (const date of daysBack(tokyoToday, 2, 0)) {
      await mark(auth, habit.id, date);
    }

    await api().patch('/api/users/me').set(auth).send({ timezone: 'America/Los_Angeles' });
    const res = await api().get(`/api/habits/${habit.id}/stats`).set(auth);

    expect(res.body).toMatchObject({
      asOf: tokyoToday,
      currentStreak: { count: 3, start: shiftDate(tokyoToday, -2), end: tokyoToday },
      totals: { done: 3 },
    });
    expect((await api().get('/api/today').set(auth)).body.today).toBe(
      localDateIn('America/Los_Angeles'),
    );
  });

  it('counts whole weeks for a weekly target', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    const habit = await createHabit(auth, {
      name: 'Gym',
      schedule: { type: 'weekly', times: 2 },
      startDate: '2026-11-02',
    });
    for (const date of ['2026-11-02', '2026-11-05', '2026-11-10', '2026-11-12', '2026-11-17']) {
      await mark(auth, habit.id, date);
    }

    const res = await api().get(`/api/habits/${habit.id}/stats`).set(auth);

    expect(res.body.bestStreak).toEqual({
      count: 2,
      unit: 'week',
      start: '2026-11-02',
      end: '2026-11-15',
    });
  });
});

describe('GET /api/habits/summary', () => {
  it('summarises each habit a page at a time, with activity by week across habits', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    const today = localDateIn(ZONE);
    const read = await createHabit(auth, { name: 'Read', startDate: shiftDate(today, -20) });
    const walk = await createHabit(auth, { name: 'Walk', startDate: shiftDate(today, -20) });
    for (const date of daysBack(today, 3, 1)) {
      await mark(auth, read.id, date);
    }
    await mark(auth, walk.id, shiftDate(today, -2), { status: 'skipped' });
    await mark(auth, walk.id, shiftDate(today, -10));

    const first = await api().get('/api/habits/summary?limit=1').set(auth);
    const second = await api()
      .get(`/api/habits/summary?limit=1&cursor=${first.body.nextCursor}`)
      .set(auth);

    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({
      habit: { name: 'Read' },
      currentStreak: { count: 3, unit: 'day' },
    });
    expect(second.body.items.map((item: { habit: { name: string } }) => item.habit.name)).toEqual([
      'Walk',
    ]);
    expect(second.body.nextCursor).toBeNull();

    const expected = new Map<string, { done: number; skipped: number }>();
    const count = (date: string, status: 'done' | 'skipped') => {
      const key = isoWeekKeyOf(date);
      const week = expected.get(key) ?? { done: 0, skipped: 0 };
      week[status] += 1;
      expected.set(key, week);
    };
    daysBack(today, 3, 1).forEach((date) => count(date, 'done'));
    count(shiftDate(today, -2), 'skipped');
    count(shiftDate(today, -10), 'done');
    const weeks = first.body.weeks as Array<{ key: string; done: number; skipped: number }>;
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)?.key).toBe(isoWeekKeyOf(today));
    expect(weeks.filter((week) => week.done + week.skipped > 0)).toEqual(
      [...expected.entries()].sort().map(([key, week]) => ({ key, ...week })),
    );
  });

  it('follows a current streak back beyond the score’s window: 400 days in a row', async () => {
    const { auth, user } = await buildUser({ timezone: ZONE });
    const today = localDateIn(ZONE);
    const habit = await createHabit(auth, { name: 'Meditate', startDate: shiftDate(today, -400) });
    await buildCompletions(user, habit.id, daysBack(today, 400, 1));

    const res = await api().get('/api/habits/summary').set(auth);

    expect(res.body.items[0]).toMatchObject({
      currentStreak: { count: 400, start: shiftDate(today, -400), end: shiftDate(today, -1) },
      score: 1,
    });
  });

  it('keys the weeks by their Sunday for a Sunday-start user', async () => {
    const { auth } = await buildUser({ timezone: ZONE });
    await api().patch('/api/users/me').set(auth).send({ weekStart: 'sunday' });
    const today = localDateIn(ZONE);
    const habit = await createHabit(auth, { name: 'Read' });
    await mark(auth, habit.id, today);

    const res = await api().get('/api/habits/summary').set(auth);

    expect(res.body.weeks.at(-1)).toEqual({ key: weekKeyOf(today, 'sunday'), done: 1, skipped: 0 });
  });
});
