import { WorkoutModel } from './model';
import { api, buildUser, expectError, useTestServices } from '../test/setup';

useTestServices();

const legDay = {
  date: '2026-03-14',
  notes: 'Felt strong',
  exercises: [
    {
      name: 'Back Squat',
      sets: [
        { reps: 5, weight: 100 },
        { reps: 5, weight: 102.5 },
      ],
    },
    { name: 'Romanian Deadlift', sets: [{ reps: 8, weight: 80 }] },
  ],
};

describe('POST /api/workouts', () => {
  it('logs a workout with its exercises and sets', async () => {
    const { auth } = await buildUser();

    const res = await api().post('/api/workouts').set(auth).send(legDay);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject(legDay);
    expect(typeof res.body.id).toBe('string');
  });

  it.each([
    [{ ...legDay, date: undefined }, 'date'],
    [{ ...legDay, date: '2026-13-01' }, 'date'],
    [{ ...legDay, exercises: [] }, 'exercises'],
    [{ ...legDay, exercises: 'squat' }, 'exercises'],
    [{ ...legDay, exercises: [{ name: '', sets: [{ reps: 1, weight: 1 }] }] }, 'exercises[0].name'],
    [
      { ...legDay, exercises: [{ name: 'Squat', sets: [{ reps: -1, weight: 1 }] }] },
      'exercises[0].sets[0].reps',
    ],
    [
      { ...legDay, exercises: [{ name: 'Squat', sets: [{ reps: 2.5, weight: 1 }] }] },
      'exercises[0].sets[0].reps',
    ],
    [
      { ...legDay, exercises: [{ name: 'Squat', sets: [{ reps: '5', weight: 1 }] }] },
      'exercises[0].sets[0].reps',
    ],
    [
      { ...legDay, exercises: [{ name: 'Squat', sets: [{ reps: 5, weight: { $gt: 0 } }] }] },
      'exercises[0].sets[0].weight',
    ],
    [
      {
        ...legDay,
        exercises: [
          { name: 'Squat', sets: Array.from({ length: 10000 }, () => ({ reps: 1, weight: 1 })) },
        ],
      },
      'exercises[0].sets',
    ],
    [
      { ...legDay, exercises: [{ name: 'Squat', sets: [{ reps: 5, weight: 1, rpe: 8 }] }] },
      'exercises[0].sets[0].rpe',
    ],
    [{ ...legDay, owner: 'someone' }, 'owner'],
  ])('answers 400 naming the field (%#) and writes nothing', async (body, field) => {
    const { auth, user } = await buildUser();

    const res = await api().post('/api/workouts').set(auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await WorkoutModel.countDocuments({ userId: user._id })).toBe(0);
  });

  // JSON.stringify would turn Infinity into null, so these bodies are sent as raw JSON text.
  it.each(['1e309', '-1e309', '1e400'])(
    'answers 400 for a weight of %s written in the JSON',
    async (weight) => {
      const { auth, user } = await buildUser();
      const body = `{"date":"2026-03-14","exercises":[{"name":"Squat","sets":[{"reps":5,"weight":${weight}}]}]}`;

      const res = await api()
        .post('/api/workouts')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(body);

      expectError(res, 400, 'VALIDATION_FAILED', 'exercises[0].sets[0].weight');
      expect(await WorkoutModel.countDocuments({ userId: user._id })).toBe(0);
    },
  );
});

describe('GET /api/workouts', () => {
  it('lists the user’s workouts newest first, a page at a time', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    for (const date of ['2026-01-01', '2026-01-03', '2026-01-02']) {
      await api()
        .post('/api/workouts')
        .set(alice.auth)
        .send({ ...legDay, date });
    }
    await api().post('/api/workouts').set(bob.auth).send(legDay);

    const first = await api().get('/api/workouts?limit=2').set(alice.auth);
    const second = await api()
      .get(`/api/workouts?limit=2&cursor=${first.body.nextCursor}`)
      .set(alice.auth);

    expect(first.body.items.map((workout: { date: string }) => workout.date)).toEqual([
      '2026-01-03',
      '2026-01-02',
    ]);
    expect(second.body.items.map((workout: { date: string }) => workout.date)).toEqual([
      '2026-01-01',
    ]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('GET, PATCH and DELETE /api/workouts/:id', () => {
  it('reads, edits and deletes a workout', async () => {
    const { auth } = await buildUser();
    const { body: workout } = await api().post('/api/workouts').set(auth).send(legDay);

    const patched = await api()
      .patch(`/api/workouts/${workout.id}`)
      .set(auth)
      .send({ notes: 'Knee felt off' });
    expect(patched.body).toMatchObject({ notes: 'Knee felt off', exercises: legDay.exercises });
    expect((await api().get(`/api/workouts/${workout.id}`).set(auth)).body.notes).toBe(
      'Knee felt off',
    );

    expect((await api().delete(`/api/workouts/${workout.id}`).set(auth)).status).toBe(204);
    expectError(await api().get(`/api/workouts/${workout.id}`).set(auth), 404, 'NOT_FOUND');
  });

  it('answers 404 to another user and leaves the workout as it was', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const { body: workout } = await api().post('/api/workouts').set(alice.auth).send(legDay);

    expectError(await api().get(`/api/workouts/${workout.id}`).set(bob.auth), 404, 'NOT_FOUND');
    expectError(
      await api().patch(`/api/workouts/${workout.id}`).set(bob.auth).send({ notes: 'mine now' }),
      404,
      'NOT_FOUND',
    );
    expectError(await api().delete(`/api/workouts/${workout.id}`).set(bob.auth), 404, 'NOT_FOUND');
    expect((await WorkoutModel.findById(workout.id))?.notes).toBe('Felt strong');
  });
});
