import { CompletionModel, HabitModel } from './model';
import { shiftDate, weekStartOf } from './rules/calendar';
import { localDateIn } from '../lib/time';
import { api, buildUser, expectError, useTestServices } from '../test/setup';

useTestServices();

async function createHabit(
  auth: { Authorization: string },
  body: object = { name: 'Read 10 pages' },
) {
  const res = await api().post('/api/habits').set(auth).send(body);
  expect(res.status).toBe(201);

  return res.body as { id: string; name: string };
}

describe('POST /api/habits', () => {
  it('creates a daily habit from a name alone', async () => {
    const { auth } = await buildUser();

    const res = await api().post('/api/habits').set(auth).send({ name: '  Drink water 💧 ' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Drink water 💧',
      kind: 'boolean',
      target: null,
      schedule: { type: 'daily' },
      startDate: localDateIn('Europe/Berlin'),
      reminderTime: null,
      archived: false,
      position: 0,
    });
  });

  it('creates a measurable habit with a target, a schedule, an icon, a colour and a reminder', async () => {
    const { auth } = await buildUser();
    const body = {
      name: 'Water',
      description: 'Glasses a day',
      kind: 'measurable',
      target: { type: 'atLeast', value: 8, unit: 'glasses' },
      schedule: { type: 'weekdays', days: [1, 2, 3, 4, 5] },
      icon: '💧',
      color: '#0ea5e9',
      reminderTime: '07:30',
      startDate: '2026-01-05',
    };

    const res = await api().post('/api/habits').set(auth).send(body);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...body,
      schedules: [{ from: '2026-01-05', type: 'weekdays', days: [1, 2, 3, 4, 5] }],
    });
  });

  it.each([
    [{ name: 'ok', kind: 'counter' }, 'kind'],
    [{ name: 'ok', kind: 'measurable' }, 'target'],
    [{ name: 'ok', kind: 'measurable', target: { type: 'atLeast' } }, 'target.value'],
    [{ name: 'ok', kind: 'measurable', target: { type: 'about', value: 3 } }, 'target.type'],
    [{ name: 'ok', kind: 'measurable', target: { type: 'atLeast', value: 0 } }, 'target.value'],
    [{ name: 'ok', kind: 'measurable', target: { type: 'atLeast', value: '8' } }, 'target.value'],
    [{ name: 'ok', kind: 'measurable', target: 'eight' }, 'target'],
    [{ name: 'ok', target: { type: 'atLeast', value: 8 } }, 'target'],
    [{ name: 'ok', target: null }, 'target'],
    [{ name: 'ok', schedule: 'daily' }, 'schedule'],
    [{ name: 'ok', schedule: { type: 'yearly' } }, 'schedule.type'],
    [{ name: 'ok', schedule: {} }, 'schedule.type'],
    [{ name: 'ok', schedule: { type: 'daily', extra: 1 } }, 'schedule.extra'],
    [{ name: 'ok', schedule: { type: 'weekdays' } }, 'schedule.days'],
    [{ name: 'ok', schedule: { type: 'weekdays', days: [] } }, 'schedule.days'],
    [{ name: 'ok', schedule: { type: 'weekdays', days: [1, 1] } }, 'schedule.days'],
    [{ name: 'ok', schedule: { type: 'weekdays', days: [7] } }, 'schedule.days[0]'],
    [{ name: 'ok', schedule: { type: 'daily', days: [1] } }, 'schedule.days'],
    [{ name: 'ok', schedule: { type: 'weekly' } }, 'schedule.times'],
    [{ name: 'ok', schedule: { type: 'weekly', times: 8 } }, 'schedule.times'],
    [{ name: 'ok', schedule: { type: 'monthly', times: 0 } }, 'schedule.times'],
    [{ name: 'ok', schedule: { type: 'monthly', times: 2.5 } }, 'schedule.times'],
    [{ name: 'ok', schedule: { type: 'interval' } }, 'schedule.interval'],
    [{ name: 'ok', schedule: { type: 'interval', interval: 366 } }, 'schedule.interval'],
    [
      {
        name: 'ok',
        kind: 'measurable',
        target: { type: 'atMost', value: 5 },
        schedule: { type: 'weekly', times: 3 },
      },
      'schedule.times',
    ],
    [{ name: 'ok', reminderTime: '24:00' }, 'reminderTime'],
    [{ name: 'ok', reminderTime: '7:30' }, 'reminderTime'],
    [{ name: 'ok', icon: 'x'.repeat(17) }, 'icon'],
    [{ name: 'ok', startDate: '2026-02-30' }, 'startDate'],
    [{ name: 'ok', startDate: '2999-01-01' }, 'startDate'],
    [{ name: 'ok', position: 3 }, 'position'],
    [{ name: 'ok', archived: true }, 'archived'],
    [
      {
        name: 'ok',
        kind: 'measurable',
        target: { type: 'atLeast', value: 5 },
        linkedToWorkouts: true,
      },
      'linkedToWorkouts',
    ],
  ])('answers 400 naming the field for %j and writes nothing (new fields)', async (body, field) => {
    const { auth, user } = await buildUser();

    const res = await api().post('/api/habits').set(auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await HabitModel.countDocuments({ userId: user._id })).toBe(0);
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: 42 }, 'name'],
    [{ name: { $gt: '' } }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ name: 'a\u0000b' }, 'name'],
    [{ name: 'ok', color: 'red' }, 'color'],
    [{ name: 'ok', userId: '507f1f77bcf86cd799439011' }, 'userId'],
  ])('answers 400 naming the field for %j and writes nothing', async (body, field) => {
    const { auth, user } = await buildUser();

    const res = await api().post('/api/habits').set(auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await HabitModel.countDocuments({ userId: user._id })).toBe(0);
  });

  it('answers 400 for malformed JSON', async () => {
    const { auth } = await buildUser();

    const res = await api()
      .post('/api/habits')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"name":');

    expectError(res, 400, 'INVALID_JSON');
  });

  it('answers 401 without a token', async () => {
    expectError(await api().post('/api/habits').send({ name: 'x' }), 401, 'UNAUTHENTICATED');
  });
});

describe('POST /api/habits at once', () => {
  it('gives ten habits created at the same moment ten distinct places at the end', async () => {
    const { auth } = await buildUser();
    await createHabit(auth, { name: 'First' });

    const created = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        api()
          .post('/api/habits')
          .set(auth)
          .send({ name: `Habit ${index}` }),
      ),
    );

    expect(created.map((res) => res.status)).toEqual(Array(10).fill(201));
    const positions = created.map((res) => res.body.position as number).sort((a, b) => a - b);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const list = await api().get('/api/habits?limit=100').set(auth);
    const listed = (list.body.items as Array<{ position: number }>).map((habit) => habit.position);
    expect(listed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('GET /api/habits', () => {
  it('lists only the user’s own habits, in order, a page at a time', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    for (const name of ['A', 'B', 'C']) {
      await createHabit(alice.auth, { name });
    }
    await createHabit(bob.auth, { name: 'Bob habit' });

    const first = await api().get('/api/habits?limit=2').set(alice.auth);
    const second = await api()
      .get(`/api/habits?limit=2&cursor=${first.body.nextCursor}`)
      .set(alice.auth);

    expect(first.body.items.map((habit: { name: string }) => habit.name)).toEqual(['A', 'B']);
    expect(second.body.items.map((habit: { name: string }) => habit.name)).toEqual(['C']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('lists archived habits apart, and restores one', async () => {
    const { auth } = await buildUser();
    const kept = await createHabit(auth, { name: 'Kept' });
    const old = await createHabit(auth, { name: 'Old' });

    const archived = await api().patch(`/api/habits/${old.id}`).set(auth).send({ archived: true });
    const active = await api().get('/api/habits').set(auth);
    const shelf = await api().get('/api/habits?archived=true').set(auth);

    expect(archived.body).toMatchObject({ archived: true, archivedAt: expect.any(String) });
    expect(active.body.items.map((habit: { id: string }) => habit.id)).toEqual([kept.id]);
    expect(shelf.body.items.map((habit: { id: string }) => habit.id)).toEqual([old.id]);

    const restored = await api().patch(`/api/habits/${old.id}`).set(auth).send({ archived: false });
    expect(restored.body).toMatchObject({ archived: false, archivedAt: null });
    expect((await api().get('/api/habits').set(auth)).body.items).toHaveLength(2);
  });

  it.each(['limit=0', 'limit=abc', 'limit=1&limit=2', 'cursor=zzz', 'other=1', 'archived=yes'])(
    'answers 400 for ?%s',
    async (query) => {
      const { auth } = await buildUser();

      const res = await api().get(`/api/habits?${query}`).set(auth);

      expectError(res, 400, 'VALIDATION_FAILED');
    },
  );
});

describe('GET, PATCH and DELETE /api/habits/:id', () => {
  it('names a target on a yes/no habit once', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);

    const res = await api()
      .patch(`/api/habits/${habit.id}`)
      .set(auth)
      .send({ target: { type: 'atLeast', value: 8, unit: 'glasses' } });

    expectError(res, 400, 'VALIDATION_FAILED', 'target');
    expect(res.body.error.details).toEqual([
      { field: 'target', message: 'Only a measurable habit has a target' },
    ]);
  });

  it('renames a habit', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);

    const res = await api()
      .patch(`/api/habits/${habit.id}`)
      .set(auth)
      .send({ name: 'Read 20 pages' });

    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Read 20 pages');
    expect((await api().get(`/api/habits/${habit.id}`).set(auth)).body.name).toBe('Read 20 pages');
  });

  it('changes a schedule from the start of its period, keeping the old one for the days before', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth, { name: 'Gym', startDate: '2026-01-05' });
    const today = localDateIn('Europe/Berlin');

    const res = await api()
      .patch(`/api/habits/${habit.id}`)
      .set(auth)
      .send({ schedule: { type: 'weekly', times: 3 } });

    expect(res.status).toBe(200);
    expect(res.body.schedule).toEqual({ type: 'weekly', times: 3 });
    expect(res.body.schedules).toEqual([
      { from: '2026-01-05', type: 'daily' },
      { from: weekStartOf(today, 'monday'), type: 'weekly', times: 3 },
    ]);
  });

  it('changes a measurable target, colour, icon, description and reminder; clears the reminder', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth, {
      name: 'Coffee',
      kind: 'measurable',
      target: { type: 'atMost', value: 3, unit: 'cups' },
      reminderTime: '15:00',
    });
    const changes = {
      target: { type: 'atMost', value: 2, unit: 'cups' },
      color: '#92400e',
      icon: '☕',
      description: 'After 2 pm none',
    };

    const changed = await api().patch(`/api/habits/${habit.id}`).set(auth).send(changes);
    const cleared = await api()
      .patch(`/api/habits/${habit.id}`)
      .set(auth)
      .send({ reminderTime: null });

    expect(changed.body).toMatchObject({ ...changes, reminderTime: '15:00' });
    expect(cleared.body.reminderTime).toBeNull();
  });

  it.each([
    [{ kind: 'measurable' }, 'kind'],
    [{ startDate: '2026-01-01' }, 'startDate'],
    [{ target: { type: 'atLeast', value: 2 } }, 'target'],
    [{ schedule: { type: 'weekly' } }, 'schedule.times'],
    [{ archived: 'yes' }, 'archived'],
    [{ name: '' }, 'name'],
  ])('answers 400 to PATCH %j on a yes/no habit and changes nothing', async (body, field) => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);
    const before = await HabitModel.findById(habit.id).lean();

    expectError(
      await api().patch(`/api/habits/${habit.id}`).set(auth).send(body),
      400,
      'VALIDATION_FAILED',
      field,
    );
    expect(await HabitModel.findById(habit.id).lean()).toEqual(before);
  });

  it('deletes a habit with its completions', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);
    await api().put(`/api/habits/${habit.id}/completions/2026-03-01`).set(auth);

    const res = await api().delete(`/api/habits/${habit.id}`).set(auth);

    expect(res.status).toBe(204);
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(0);
    expectError(await api().get(`/api/habits/${habit.id}`).set(auth), 404, 'NOT_FOUND');
  });

  it('answers 404 to another user reading, changing or deleting the habit, and changes nothing', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const habit = await createHabit(alice.auth);

    expectError(await api().get(`/api/habits/${habit.id}`).set(bob.auth), 404, 'NOT_FOUND');
    expectError(
      await api().patch(`/api/habits/${habit.id}`).set(bob.auth).send({ name: 'hacked' }),
      404,
      'NOT_FOUND',
    );
    expectError(await api().delete(`/api/habits/${habit.id}`).set(bob.auth), 404, 'NOT_FOUND');
    expectError(
      await api().put(`/api/habits/${habit.id}/completions/2026-03-01`).set(bob.auth),
      404,
      'NOT_FOUND',
    );

    const stored = await HabitModel.findById(habit.id);
    expect(stored?.name).toBe('Read 10 pages');
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(0);
  });

  it('answers 400 for an invalid id', async () => {
    const { auth } = await buildUser();

    expectError(await api().get('/api/habits/not-an-id').set(auth), 400, 'VALIDATION_FAILED', 'id');
  });
});

describe('POST /api/habits/reorder', () => {
  it('puts the habits in the given order', async () => {
    const { auth } = await buildUser();
    const [a, b, c] = [
      await createHabit(auth, { name: 'A' }),
      await createHabit(auth, { name: 'B' }),
      await createHabit(auth, { name: 'C' }),
    ];

    const res = await api()
      .post('/api/habits/reorder')
      .set(auth)
      .send({ ids: [c.id, a.id, b.id] });
    const list = await api().get('/api/habits').set(auth);

    expect(res.status).toBe(204);
    expect(list.body.items.map((habit: { name: string }) => habit.name)).toEqual(['C', 'A', 'B']);
  });

  it('reorders a part of the list within the places it held', async () => {
    const { auth } = await buildUser();
    const habits = [];
    for (const name of ['A', 'B', 'C', 'D']) {
      habits.push(await createHabit(auth, { name }));
    }

    await api()
      .post('/api/habits/reorder')
      .set(auth)
      .send({ ids: [habits[2]?.id, habits[1]?.id] });

    const list = await api().get('/api/habits').set(auth);
    expect(list.body.items.map((habit: { name: string }) => habit.name)).toEqual([
      'A',
      'C',
      'B',
      'D',
    ]);
  });

  it('answers 404 when an id is another user’s, and moves nothing', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const mine = await createHabit(alice.auth, { name: 'Mine' });
    const other = await createHabit(alice.auth, { name: 'Other' });
    const theirs = await createHabit(bob.auth, { name: 'Theirs' });

    const res = await api()
      .post('/api/habits/reorder')
      .set(alice.auth)
      .send({ ids: [theirs.id, mine.id] });

    expectError(res, 404, 'NOT_FOUND');
    const list = await api().get('/api/habits').set(alice.auth);
    expect(list.body.items.map((habit: { id: string }) => habit.id)).toEqual([mine.id, other.id]);
  });

  it.each([
    [{}, 'ids'],
    [{ ids: [] }, 'ids'],
    [{ ids: 'abc' }, 'ids'],
    [{ ids: ['nope'] }, 'ids[0]'],
    [{ ids: ['507f1f77bcf86cd799439011', '507f1f77bcf86cd799439011'] }, 'ids'],
  ])('answers 400 for %j', async (body, field) => {
    const { auth } = await buildUser();

    expectError(
      await api().post('/api/habits/reorder').set(auth).send(body),
      400,
      'VALIDATION_FAILED',
      field,
    );
  });
});

describe('PUT and DELETE /api/habits/:id/completions/:date', () => {
  it('marks a day done once, however often it is repeated or raced, and undoes it', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);
    const url = `/api/habits/${habit.id}/completions/2026-02-28`;

    const responses = await Promise.all(Array.from({ length: 5 }, () => api().put(url).set(auth)));

    expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses[0]?.body).toMatchObject({
      habitId: habit.id,
      date: '2026-02-28',
      status: 'done',
    });
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(1);

    expect((await api().delete(url).set(auth)).status).toBe(204);
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(0);
  });

  it('keeps a note on the day', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);

    const res = await api()
      .put(`/api/habits/${habit.id}/completions/2026-01-05`)
      .set(auth)
      .send({ note: 'felt great' });

    expect(res.body.note).toBe('felt great');
  });

  it('stores a measurable day’s value, a skip, and the week and month keys of the date', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth, {
      name: 'Water',
      kind: 'measurable',
      target: { type: 'atLeast', value: 8, unit: 'glasses' },
    });

    const valued = await api()
      .put(`/api/habits/${habit.id}/completions/2026-11-30`)
      .set(auth)
      .send({ value: 6.5 });
    const skippedDay = await api()
      .put(`/api/habits/${habit.id}/completions/2026-11-29`)
      .set(auth)
      .send({ status: 'skipped', note: 'ill' });

    expect(valued.body).toMatchObject({ status: 'done', value: 6.5, note: '' });
    expect(skippedDay.body).toMatchObject({ status: 'skipped', value: null, note: 'ill' });
    const stored = await CompletionModel.findOne({ habitId: habit.id, date: '2026-11-30' }).lean();
    expect(stored).toMatchObject({
      isoWeek: '2026-W49',
      sundayWeek: '2026-11-29',
      month: '2026-11',
    });
  });

  it('stores 31 December 2020 under ISO week 2020-W53 and its Sunday week', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);

    await api().put(`/api/habits/${habit.id}/completions/2020-12-31`).set(auth);

    const stored = await CompletionModel.findOne({ habitId: habit.id }).lean();
    expect(stored).toMatchObject({
      isoWeek: '2020-W53',
      sundayWeek: '2020-12-27',
      month: '2020-12',
    });
  });

  it('changes a done day to skipped and back, keeping one entry and its note', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);
    const url = `/api/habits/${habit.id}/completions/2026-03-01`;

    await api().put(url).set(auth).send({ note: 'morning' });
    const skippedDay = await api().put(url).set(auth).send({ status: 'skipped' });
    const doneAgain = await api().put(url).set(auth);

    expect(skippedDay.body).toMatchObject({ status: 'skipped', note: 'morning' });
    expect(doneAgain.body).toMatchObject({ status: 'done', note: 'morning' });
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(1);
  });

  it('leaves one entry when a value, a skip and a mark race for the same day', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth, {
      name: 'Steps',
      kind: 'measurable',
      target: { type: 'atLeast', value: 10000 },
    });
    const url = `/api/habits/${habit.id}/completions/2026-02-28`;

    const responses = await Promise.all([
      ...Array.from({ length: 4 }, (_, index) =>
        api()
          .put(url)
          .set(auth)
          .send({ value: 1000 * index }),
      ),
      api().put(url).set(auth).send({ status: 'skipped' }),
    ]);

    expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(1);
  });

  it('refuses a day after the user’s today in the user’s zone, writing nothing', async () => {
    const { auth } = await buildUser({ timezone: 'Pacific/Kiritimati' });
    const habit = await createHabit(auth);
    const tomorrow = shiftDate(localDateIn('Pacific/Kiritimati'), 1);

    const res = await api().put(`/api/habits/${habit.id}/completions/${tomorrow}`).set(auth);

    expectError(res, 400, 'VALIDATION_FAILED', 'date');
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(0);
  });

  it('accepts today in a zone ahead of the server (Kiritimati, UTC+14)', async () => {
    const { auth } = await buildUser({ timezone: 'Pacific/Kiritimati' });
    const habit = await createHabit(auth);
    const today = localDateIn('Pacific/Kiritimati');

    expect((await api().put(`/api/habits/${habit.id}/completions/${today}`).set(auth)).status).toBe(
      200,
    );
  });

  it('moves the habit’s start back when an earlier day is recorded', async () => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth, { name: 'Read', startDate: '2026-03-10' });

    await api().put(`/api/habits/${habit.id}/completions/2026-03-01`).set(auth);

    const res = await api().get(`/api/habits/${habit.id}`).set(auth);
    expect(res.body).toMatchObject({
      startDate: '2026-03-01',
      schedules: [{ from: '2026-03-01', type: 'daily' }],
    });
  });

  it.each([
    [{ value: 3 }, 'value'],
    [{ status: 'maybe' }, 'status'],
    [{ note: 'x'.repeat(501) }, 'note'],
    [{ extra: 1 }, 'extra'],
  ])('answers 400 for %j on a yes/no habit and writes nothing', async (body, field) => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth);

    const res = await api()
      .put(`/api/habits/${habit.id}/completions/2026-03-01`)
      .set(auth)
      .send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(0);
  });

  it.each([
    [{}, 'value'],
    [{ value: -1 }, 'value'],
    [{ value: '3' }, 'value'],
    [{ value: null }, 'value'],
    [{ value: 1e7 }, 'value'],
    [{ status: 'skipped', value: 3 }, 'value'],
  ])('answers 400 for %j on a measurable habit and writes nothing', async (body, field) => {
    const { auth } = await buildUser();
    const habit = await createHabit(auth, {
      name: 'Water',
      kind: 'measurable',
      target: { type: 'atLeast', value: 8 },
    });

    const res = await api()
      .put(`/api/habits/${habit.id}/completions/2026-03-01`)
      .set(auth)
      .send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(0);
  });

  it.each(['2026-02-30', '2025-02-29', '20260101', '2026-1-1', 'today'])(
    'answers 400 for the date %s',
    async (date) => {
      const { auth } = await buildUser();
      const habit = await createHabit(auth);

      const res = await api().put(`/api/habits/${habit.id}/completions/${date}`).set(auth);

      expectError(res, 400, 'VALIDATION_FAILED', 'date');
      expect(await CompletionModel.countDocuments({ habitId: habit.id })).toBe(0);
    },
  );
});

describe('GET /api/today', () => {
  it('lists the habits with the completion of the requested day', async () => {
    const { auth } = await buildUser();
    const read = await createHabit(auth, { name: 'Read' });
    await createHabit(auth, { name: 'Stretch' });
    await api().put(`/api/habits/${read.id}/completions/2026-04-10`).set(auth);

    const res = await api().get('/api/today?date=2026-04-10').set(auth);

    expect(res.status).toBe(200);
    expect(res.body.date).toBe('2026-04-10');
    expect(
      res.body.habits.map((habit: { name: string; completion: unknown }) => [
        habit.name,
        habit.completion !== null,
      ]),
    ).toEqual([
      ['Read', true],
      ['Stretch', false],
    ]);
  });
});
