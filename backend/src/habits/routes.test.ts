import { CompletionModel, HabitModel } from './model';
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
      schedule: { type: 'daily' },
      archived: false,
      position: 0,
    });
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

  it.each(['limit=0', 'limit=abc', 'limit=1&limit=2', 'cursor=zzz', 'other=1'])(
    'answers 400 for ?%s',
    async (query) => {
      const { auth } = await buildUser();

      const res = await api().get(`/api/habits?${query}`).set(auth);

      expectError(res, 400, 'VALIDATION_FAILED');
    },
  );
});

describe('GET, PATCH and DELETE /api/habits/:id', () => {
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
