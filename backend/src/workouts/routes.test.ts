import { catalogExerciseId, seedExerciseCatalog } from '../exercises/seed';
import { CompletionModel } from '../habits/model';
import { addDays, localDateIn } from '../lib/time';
import { buildExercise } from '../test/gym';
import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';
import { UserModel } from '../users/model';
import { WorkoutModel } from './model';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

const id = (key: string) => catalogExerciseId(key).toHexString();
const squat = id('back-squat');
const rdl = id('romanian-deadlift');
const bench = id('bench-press');
const pullUp = id('pull-up');
const plank = id('plank');
const running = id('running');

const legDay = {
  startedAt: '2026-03-14T17:00:00+01:00',
  endedAt: '2026-03-14T18:10:00+01:00',
  notes: 'Felt strong',
  exercises: [
    {
      exerciseId: squat,
      sets: [
        { type: 'warmup', reps: 5, weight: 60 },
        { reps: 5, weight: 100, rpe: 8 },
        { reps: 5, weight: 102.5, rpe: 8.5 },
      ],
    },
    { exerciseId: rdl, sets: [{ reps: 8, weight: 80 }] },
  ],
};

function squatSession(startedAt: string, sets: Array<{ reps: number; weight: number }>) {
  return { startedAt, exercises: [{ exerciseId: squat, sets }] };
}

async function logWorkout(user: TestUser, body: object) {
  const res = await api().post('/api/workouts').set(user.auth).send(body);
  expect(res.status).toBe(201);

  return res.body;
}

describe('POST /api/workouts', () => {
  it('logs a workout with its exercises, sets, volume and the records it set', async () => {
    const { auth } = await buildUser();

    const res = await api().post('/api/workouts').set(auth).send(legDay);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      date: '2026-03-14',
      startedAt: '2026-03-14T16:00:00.000Z',
      endedAt: '2026-03-14T17:10:00.000Z',
      notes: 'Felt strong',
      routineId: null,
      unit: 'kg',
      volume: 1652.5,
      exercises: [
        {
          exerciseId: squat,
          name: 'Back Squat',
          kind: 'weight_reps',
          supersetGroup: null,
          sets: [
            { type: 'warmup', reps: 5, weight: 60, rpe: null, durationSeconds: null },
            { type: 'normal', reps: 5, weight: 100, rpe: 8 },
            { type: 'normal', reps: 5, weight: 102.5, rpe: 8.5 },
          ],
        },
        { exerciseId: rdl, name: 'Romanian Deadlift', sets: [{ reps: 8, weight: 80 }] },
      ],
    });
    // The first time, every value counts; the warm-up never does.
    expect(res.body.records).toEqual([
      record(squat, 'Back Squat', 'heaviestWeight', 102.5, 0, 2),
      record(squat, 'Back Squat', 'bestOneRepMax', 119.6, 0, 2),
      record(squat, 'Back Squat', 'bestSetVolume', 512.5, 0, 2),
      record(squat, 'Back Squat', 'mostReps', 5, 0, 1),
      record(rdl, 'Romanian Deadlift', 'heaviestWeight', 80, 1, 0),
      record(rdl, 'Romanian Deadlift', 'bestOneRepMax', 101.3, 1, 0),
      record(rdl, 'Romanian Deadlift', 'bestSetVolume', 640, 1, 0),
      record(rdl, 'Romanian Deadlift', 'mostReps', 8, 1, 0),
    ]);
  });

  it('takes the local day of the start in the user’s time zone, unless a date is given', async () => {
    const user = await buildUser({ timezone: 'Europe/Berlin' });

    const late = await logWorkout(
      user,
      squatSession('2026-03-14T23:30:00Z', [{ reps: 5, weight: 100 }]),
    );
    const dated = await logWorkout(user, {
      ...squatSession('2026-03-14T23:30:00Z', [{ reps: 5, weight: 100 }]),
      date: '2026-03-14',
    });

    expect(late.date).toBe('2026-03-15');
    expect(dated.date).toBe('2026-03-14');
  });

  it('logs supersets and each kind of exercise with the values it needs', async () => {
    const { auth } = await buildUser();
    const body = {
      startedAt: '2026-03-16T07:00:00Z',
      exercises: [
        { exerciseId: bench, supersetGroup: 1, sets: [{ reps: 8, weight: 60, type: 'failure' }] },
        { exerciseId: pullUp, supersetGroup: 1, sets: [{ reps: 10 }, { reps: 6, type: 'drop' }] },
        { exerciseId: id('weighted-pull-up'), sets: [{ reps: 5, weight: 10 }] },
        { exerciseId: id('assisted-dip'), sets: [{ reps: 8, weight: 25 }] },
        { exerciseId: plank, sets: [{ durationSeconds: 90 }] },
        { exerciseId: running, sets: [{ distanceMeters: 5000, durationSeconds: 1500 }] },
      ],
    };

    const res = await api().post('/api/workouts').set(auth).send(body);

    expect(res.status).toBe(201);
    expect(
      res.body.exercises.map((entry: { supersetGroup: number | null }) => entry.supersetGroup),
    ).toEqual([1, 1, null, null, null, null]);
    expect(res.body.exercises[1].sets).toEqual([
      {
        type: 'normal',
        reps: 10,
        weight: null,
        rpe: null,
        durationSeconds: null,
        distanceMeters: null,
      },
      {
        type: 'drop',
        reps: 6,
        weight: null,
        rpe: null,
        durationSeconds: null,
        distanceMeters: null,
      },
    ]);
    expect(res.body.exercises[5].sets[0]).toMatchObject({
      distanceMeters: 5000,
      durationSeconds: 1500,
    });
    // Bench 60 × 8 and the weighted pull-up's added 10 kg × 5; bodyweight and assisted sets carry none.
    expect(res.body.volume).toBe(530);
  });

  it('keeps 225 lb exactly 225 lb after a save and a reload, and shows it as 102.1 kg', async () => {
    const user = await buildUser();
    await UserModel.updateOne({ _id: user.user._id }, { unit: 'lb' });

    const saved = await logWorkout(
      user,
      squatSession('2026-03-14T10:00:00Z', [{ reps: 5, weight: 225 }]),
    );
    const reloaded = await api().get(`/api/workouts/${saved.id}`).set(user.auth);
    // Through the API, as the settings page does: a profile change is a write, so cached
    // responses in the old unit are not served again.
    expect((await api().patch('/api/users/me').set(user.auth).send({ unit: 'kg' })).status).toBe(
      200,
    );
    const inKg = await api().get(`/api/workouts/${saved.id}`).set(user.auth);

    expect(saved).toMatchObject({ unit: 'lb', exercises: [{ sets: [{ weight: 225 }] }] });
    expect(reloaded.body.exercises[0].sets[0].weight).toBe(225);
    expect(inKg.body).toMatchObject({ unit: 'kg', exercises: [{ sets: [{ weight: 102.1 }] }] });
    const stored = await WorkoutModel.findById(saved.id);
    expect(stored?.exercises[0]?.sets[0]?.weightKg).toBeCloseTo(102.05828325, 10);
  });

  it('reads weights in the unit the request names: 100 kg shows as 220.5 lb', async () => {
    const user = await buildUser();
    await UserModel.updateOne({ _id: user.user._id }, { unit: 'lb' });

    const saved = await logWorkout(user, {
      ...squatSession('2026-03-14T10:00:00Z', [{ reps: 5, weight: 100 }]),
      unit: 'kg',
    });

    expect(saved.exercises[0].sets[0].weight).toBe(220.5);
    expect(saved.volume).toBe(1102.3);
  });

  it('saves a workout once however often the same clientId is sent, even at the same time', async () => {
    const { auth, user } = await buildUser();
    const body = { ...legDay, clientId: 'b3c1f9e0-1111-4a2b-9c3d-0123456789ab' };

    const responses = await Promise.all(
      [1, 2, 3].map(() => api().post('/api/workouts').set(auth).send(body)),
    );
    const again = await api().post('/api/workouts').set(auth).send(body);

    expect(responses.map((res) => res.status).sort()).toEqual([200, 200, 201]);
    expect(new Set([...responses, again].map((res) => res.body.id)).size).toBe(1);
    expect(again.status).toBe(200);
    expect(await WorkoutModel.countDocuments({ userId: user._id })).toBe(1);
  });

  it.each([
    [{ ...legDay, startedAt: undefined }, 'startedAt'],
    [{ ...legDay, startedAt: '2026-03-14' }, 'startedAt'],
    [{ ...legDay, startedAt: '2099-01-01T00:00:00Z', endedAt: null }, 'startedAt'],
    [{ ...legDay, endedAt: '2026-03-14T15:00:00Z' }, 'endedAt'],
    [{ ...legDay, endedAt: '2026-03-16T15:00:00Z' }, 'endedAt'],
    [{ ...legDay, date: '2026-02-30' }, 'date'],
    [{ ...legDay, unit: 'stone' }, 'unit'],
    [{ ...legDay, routineId: 'abc' }, 'routineId'],
    [{ ...legDay, routineId: '507f1f77bcf86cd799439011' }, 'routineId'],
    [{ ...legDay, exercises: [] }, 'exercises'],
    [{ ...legDay, exercises: 'squat' }, 'exercises'],
    [{ ...legDay, owner: 'someone' }, 'owner'],
    [squatSession(legDay.startedAt, [{ reps: -1, weight: 100 }]), 'exercises[0].sets[0].reps'],
    [squatSession(legDay.startedAt, [{ reps: 2.5, weight: 100 }]), 'exercises[0].sets[0].reps'],
    [
      squatSession(legDay.startedAt, [{ reps: '5', weight: 100 } as never]),
      'exercises[0].sets[0].reps',
    ],
    [squatSession(legDay.startedAt, [{ reps: 5, weight: -5 }]), 'exercises[0].sets[0].weight'],
    [squatSession(legDay.startedAt, [{ reps: 5, weight: 100.125 }]), 'exercises[0].sets[0].weight'],
    [squatSession(legDay.startedAt, [{ reps: 5, weight: 2000.5 }]), 'exercises[0].sets[0].weight'],
    [
      squatSession(legDay.startedAt, [{ reps: 5, weight: { $gt: 0 } } as never]),
      'exercises[0].sets[0].weight',
    ],
    [squatSession(legDay.startedAt, [{ reps: 5 } as never]), 'exercises[0].sets[0].weight'],
    [
      squatSession(legDay.startedAt, [{ reps: 5, weight: 100, type: 'superheavy' } as never]),
      'exercises[0].sets[0].type',
    ],
    [
      squatSession(legDay.startedAt, [{ reps: 5, weight: 100, rpe: 7.3 } as never]),
      'exercises[0].sets[0].rpe',
    ],
    [
      squatSession(legDay.startedAt, [{ reps: 5, weight: 100, rpe: 5.5 } as never]),
      'exercises[0].sets[0].rpe',
    ],
    [
      squatSession(legDay.startedAt, [{ reps: 5, weight: 100, tempo: '3-1-1' } as never]),
      'exercises[0].sets[0].tempo',
    ],
    [
      squatSession(legDay.startedAt, [{ reps: 5, weight: 100, durationSeconds: 30 } as never]),
      'exercises[0].sets[0].durationSeconds',
    ],
    [
      squatSession(
        legDay.startedAt,
        Array.from({ length: 10_000 }, () => ({ reps: 1, weight: 1 })),
      ),
      'exercises[0].sets',
    ],
    [
      { ...legDay, exercises: [{ exerciseId: pullUp, sets: [{ reps: 5, weight: 20 }] }] },
      'exercises[0].sets[0].weight',
    ],
    [
      { ...legDay, exercises: [{ exerciseId: running, sets: [{ durationSeconds: 600 }] }] },
      'exercises[0].sets[0].distanceMeters',
    ],
    [
      { ...legDay, exercises: [{ exerciseId: 'squat', sets: [{ reps: 5, weight: 100 }] }] },
      'exercises[0].exerciseId',
    ],
    [
      {
        ...legDay,
        exercises: [{ exerciseId: '507f1f77bcf86cd799439011', sets: [{ reps: 5, weight: 100 }] }],
      },
      'exercises[0].exerciseId',
    ],
    [
      {
        ...legDay,
        exercises: [
          { exerciseId: bench, supersetGroup: 1, sets: [{ reps: 5, weight: 60 }] },
          { exerciseId: squat, sets: [{ reps: 5, weight: 100 }] },
          { exerciseId: pullUp, supersetGroup: 1, sets: [{ reps: 5 }] },
        ],
      },
      'exercises[2].supersetGroup',
    ],
  ])('answers 400 naming the field (%#) and writes nothing', async (body, field) => {
    const { auth, user } = await buildUser();

    const res = await api().post('/api/workouts').set(auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await WorkoutModel.countDocuments({ userId: user._id })).toBe(0);
  });

  it('answers 400 naming the field for another user’s exercise, and writes nothing', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const own = await buildExercise(alice, { name: 'Zercher Carry' });

    const res = await api()
      .post('/api/workouts')
      .set(bob.auth)
      .send({
        ...legDay,
        exercises: [legDay.exercises[0], { exerciseId: own.id, sets: [{ reps: 5, weight: 60 }] }],
      });

    expectError(res, 400, 'VALIDATION_FAILED', 'exercises[1].exerciseId');
    expect(res.body.error.details).toEqual([
      { field: 'exercises[1].exerciseId', message: 'Unknown exercise' },
    ]);
    expect(await WorkoutModel.countDocuments({ userId: bob.user._id })).toBe(0);
    expect(
      await logWorkout(alice, {
        ...legDay,
        exercises: [{ exerciseId: own.id, sets: [{ reps: 5, weight: 60 }] }],
      }),
    ).toMatchObject({
      exercises: [{ name: 'Zercher Carry' }],
    });
  });

  // JSON has no NaN or Infinity, and JSON.stringify would send null, so these bodies are raw text.
  it.each(['1e309', '-1e309', '1e400', 'NaN', 'Infinity', '-Infinity'])(
    'answers 400 naming the field for a weight of %s written in the JSON',
    async (weight) => {
      const { auth, user } = await buildUser();
      const body = `{"startedAt":"2026-03-14T10:00:00Z","exercises":[{"exerciseId":"${squat}","sets":[{"reps":5,"weight":${weight}}]}]}`;

      const res = await api()
        .post('/api/workouts')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(body);

      expectError(res, 400, 'VALIDATION_FAILED', 'exercises[0].sets[0].weight');
      expect(await WorkoutModel.countDocuments({ userId: user._id })).toBe(0);
    },
  );

  it('still answers 400 INVALID_JSON for a body that is broken in another way', async () => {
    const { auth } = await buildUser();

    const res = await api()
      .post('/api/workouts')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"notes": NaN,');

    expectError(res, 400, 'INVALID_JSON');
  });
});

function record(
  exerciseId: string,
  exerciseName: string,
  type: string,
  value: number,
  exerciseIndex: number,
  setIndex: number,
  previous: number | null = null,
) {
  return { exerciseId, exerciseName, type, value, previous, exerciseIndex, setIndex };
}

describe('records set by a workout', () => {
  it('reports a record beaten twice in one workout once, and a tie as no record', async () => {
    const user = await buildUser();
    await logWorkout(user, squatSession('2026-03-01T10:00:00Z', [{ reps: 5, weight: 100 }]));

    const twice = await logWorkout(
      user,
      squatSession('2026-03-03T10:00:00Z', [
        { reps: 3, weight: 105 },
        { reps: 2, weight: 110 },
      ]),
    );
    const tie = await logWorkout(
      user,
      squatSession('2026-03-05T10:00:00Z', [{ reps: 2, weight: 110 }]),
    );

    expect(twice.records).toEqual([
      record(squat, 'Back Squat', 'heaviestWeight', 110, 0, 1, 100),
      record(squat, 'Back Squat', 'bestOneRepMax', 117.3, 0, 1, 116.7),
    ]);
    expect(tie.records).toEqual([]);
  });

  it('measures a workout only against the ones before it, and recomputes after a delete', async () => {
    const user = await buildUser();
    const later = await logWorkout(
      user,
      squatSession('2026-03-10T10:00:00Z', [{ reps: 5, weight: 100 }]),
    );
    const earlier = await logWorkout(
      user,
      squatSession('2026-03-01T10:00:00Z', [{ reps: 5, weight: 120 }]),
    );

    expect(earlier.records.map((item: { type: string }) => item.type)).toEqual([
      'heaviestWeight',
      'bestOneRepMax',
      'bestSetVolume',
      'mostReps',
    ]);
    expect((await api().get(`/api/workouts/${later.id}`).set(user.auth)).body.records).toEqual([]);

    await api().delete(`/api/workouts/${earlier.id}`).set(user.auth);
    const after = await api().get(`/api/workouts/${later.id}`).set(user.auth);
    expect(after.body.records).toHaveLength(4);
  });
});

describe('GET /api/workouts', () => {
  it('lists the user’s workouts newest first, a page at a time', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    for (const day of ['01', '03', '02']) {
      await logWorkout(alice, { ...legDay, startedAt: `2026-01-${day}T09:00:00Z`, endedAt: null });
    }
    await logWorkout(bob, legDay);

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
    expect(first.body.items[0].records).toBeUndefined();
  });
});

describe('GET, PATCH and DELETE /api/workouts/:id', () => {
  it('reads, edits and deletes a workout', async () => {
    const user = await buildUser();
    const workout = await logWorkout(user, legDay);

    const patched = await api()
      .patch(`/api/workouts/${workout.id}`)
      .set(user.auth)
      .send({
        notes: 'Knee felt off',
        exercises: [{ exerciseId: squat, sets: [{ reps: 3, weight: 90 }] }],
      });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      notes: 'Knee felt off',
      volume: 270,
      startedAt: '2026-03-14T16:00:00.000Z',
      exercises: [{ name: 'Back Squat', sets: [{ reps: 3, weight: 90 }] }],
    });
    expect((await api().get(`/api/workouts/${workout.id}`).set(user.auth)).body.notes).toBe(
      'Knee felt off',
    );

    expect((await api().delete(`/api/workouts/${workout.id}`).set(user.auth)).status).toBe(204);
    expectError(await api().get(`/api/workouts/${workout.id}`).set(user.auth), 404, 'NOT_FOUND');
  });

  it('refuses an edit that breaks a rule, and keeps the workout as it was', async () => {
    const user = await buildUser();
    const workout = await logWorkout(user, legDay);

    const res = await api()
      .patch(`/api/workouts/${workout.id}`)
      .set(user.auth)
      .send({ notes: 'changed', endedAt: '2026-03-14T10:00:00Z' });

    expectError(res, 400, 'VALIDATION_FAILED', 'endedAt');
    expect((await WorkoutModel.findById(workout.id))?.notes).toBe('Felt strong');
  });

  it('answers 404 to another user and leaves the workout as it was', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const workout = await logWorkout(alice, legDay);

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

async function linkedHabit(user: TestUser) {
  const res = await api()
    .post('/api/habits')
    .set(user.auth)
    .send({ name: 'Gym', linkedToWorkouts: true });
  expect(res.body.linkedToWorkouts).toBe(true);

  return res.body.id as string;
}

const doneDays = async (habitId: string) =>
  (await CompletionModel.find({ habitId })).map((completion) => completion.date).sort();

// A habit's recorded days, as the tests below compare them.
const daysOf = async (habitId: string) =>
  (await CompletionModel.find({ habitId }).sort({ date: 1 })).map(
    ({ date, status, source, note }) => ({ date, status, source, note }),
  );

const tick = (user: TestUser, habitId: string, date: string, body: object = {}) =>
  api().put(`/api/habits/${habitId}/completions/${date}`).set(user.auth).send(body);

describe('habits linked to workouts', () => {
  it('marks the habit done on the workout’s local day, until the last workout of that day is deleted', async () => {
    const user = await buildUser({ timezone: 'America/New_York' });
    const habitId = await linkedHabit(user);
    await api().post('/api/habits').set(user.auth).send({ name: 'Read' });

    // 02:30 UTC on the 15th is still the evening of the 14th in New York.
    const first = await logWorkout(
      user,
      squatSession('2026-03-15T02:30:00Z', [{ reps: 5, weight: 100 }]),
    );
    const second = await logWorkout(
      user,
      squatSession('2026-03-14T12:00:00Z', [{ reps: 5, weight: 100 }]),
    );
    expect(await doneDays(habitId)).toEqual(['2026-03-14']);
    expect(await CompletionModel.countDocuments({ userId: user.user._id })).toBe(1);

    await api().delete(`/api/workouts/${first.id}`).set(user.auth);
    expect(await doneDays(habitId)).toEqual(['2026-03-14']);
    await api().delete(`/api/workouts/${second.id}`).set(user.auth);
    expect(await doneDays(habitId)).toEqual([]);
  });

  it('moves the mark when a workout moves to another day', async () => {
    const user = await buildUser();
    const habitId = await linkedHabit(user);
    const workout = await logWorkout(user, legDay);

    await api().patch(`/api/workouts/${workout.id}`).set(user.auth).send({ date: '2026-03-13' });

    expect(await doneDays(habitId)).toEqual(['2026-03-13']);
  });

  it('lets the link be switched off', async () => {
    const user = await buildUser();
    const habitId = await linkedHabit(user);

    const res = await api()
      .patch(`/api/habits/${habitId}`)
      .set(user.auth)
      .send({ linkedToWorkouts: false });
    await logWorkout(user, legDay);

    expect(res.body.linkedToWorkouts).toBe(false);
    expect(await doneDays(habitId)).toEqual([]);
    expectError(
      await api().patch(`/api/habits/${habitId}`).set(user.auth).send({ linkedToWorkouts: 'yes' }),
      400,
      'VALIDATION_FAILED',
      'linkedToWorkouts',
    );
  });

  it('keeps a day the user ticked by hand when the last workout of that day is deleted', async () => {
    const user = await buildUser();
    const habitId = await linkedHabit(user);
    expect((await tick(user, habitId, '2026-03-14')).status).toBe(200);
    const workout = await logWorkout(user, legDay);

    const deleted = await api().delete(`/api/workouts/${workout.id}`).set(user.auth);

    expect(deleted.status).toBe(204);
    expect(await daysOf(habitId)).toEqual([
      { date: '2026-03-14', status: 'done', source: 'hand', note: '' },
    ]);
  });

  it('keeps a day the workout marked once the user has recorded it by hand too', async () => {
    const user = await buildUser();
    const habitId = await linkedHabit(user);
    const workout = await logWorkout(user, legDay);
    expect(await daysOf(habitId)).toEqual([
      { date: '2026-03-14', status: 'done', source: 'workout', note: '' },
    ]);

    await tick(user, habitId, '2026-03-14', { note: 'Legs with Sam' });
    await api().delete(`/api/workouts/${workout.id}`).set(user.auth);

    expect(await daysOf(habitId)).toEqual([
      { date: '2026-03-14', status: 'done', source: 'hand', note: 'Legs with Sam' },
    ]);
  });

  it('leaves a day skipped by hand as it is, with or without the workout', async () => {
    const user = await buildUser();
    const habitId = await linkedHabit(user);
    await tick(user, habitId, '2026-03-14', { status: 'skipped' });

    const workout = await logWorkout(user, legDay);
    const afterLogging = await daysOf(habitId);
    await api().delete(`/api/workouts/${workout.id}`).set(user.auth);

    const skipped = { date: '2026-03-14', status: 'skipped', source: 'hand', note: '' };
    expect(afterLogging).toEqual([skipped]);
    expect(await daysOf(habitId)).toEqual([skipped]);
  });

  it('moves only its own mark when a workout moves to another day', async () => {
    const user = await buildUser();
    const gym = await linkedHabit(user);
    const stretch = await linkedHabit(user);
    await tick(user, stretch, '2026-03-14');
    const workout = await logWorkout(user, legDay);

    await api().patch(`/api/workouts/${workout.id}`).set(user.auth).send({ date: '2026-03-13' });

    expect(await doneDays(gym)).toEqual(['2026-03-13']);
    expect(await daysOf(stretch)).toEqual([
      { date: '2026-03-13', status: 'done', source: 'workout', note: '' },
      { date: '2026-03-14', status: 'done', source: 'hand', note: '' },
    ]);
  });

  it('takes back the marks workouts made when the day’s last workout goes, also of a habit unlinked since', async () => {
    const user = await buildUser();
    const habitId = await linkedHabit(user);
    const workout = await logWorkout(user, legDay);
    await api().patch(`/api/habits/${habitId}`).set(user.auth).send({ linkedToWorkouts: false });

    await api().delete(`/api/workouts/${workout.id}`).set(user.auth);

    expect(await daysOf(habitId)).toEqual([]);
  });

  it('marks the day of a workout sent again with its clientId, in case the first attempt did not', async () => {
    const user = await buildUser();
    const body = { ...legDay, clientId: 'c0ffee00-2222-4b3c-8d4e-0123456789ab' };
    await logWorkout(user, body);
    const habitId = await linkedHabit(user);

    const again = await api().post('/api/workouts').set(user.auth).send(body);

    expect(again.status).toBe(200);
    expect(await doneDays(habitId)).toEqual(['2026-03-14']);
    expect(await WorkoutModel.countDocuments({ userId: user.user._id })).toBe(1);
  });
});

/** A time zone whose clock now reads about noon, so that no test here runs near its midnight. */
function zoneAtNoon(): { timeZone: string; offset: string } {
  const hours = 12 - new Date().getUTCHours();
  const sign = hours < 0 ? '-' : '+';
  const offset = `${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
  // Etc/GMT zones count the other way round: Etc/GMT-5 is five hours ahead of UTC.
  const timeZone = hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours < 0 ? '+' : '-'}${Math.abs(hours)}`;

  return { timeZone, offset };
}

describe('workouts on days still to come', () => {
  const { timeZone, offset } = zoneAtNoon();
  const today = localDateIn(timeZone);
  const tomorrow = addDays(today, 1);
  const dayAfter = addDays(today, 2);
  const now = () => new Date().toISOString();
  const bodyAt = (startedAt: string, date?: string) => ({
    ...squatSession(startedAt, [{ reps: 5, weight: 100 }]),
    ...(date ? { date } : {}),
  });

  async function expectNothingWritten(user: TestUser) {
    expect(await WorkoutModel.countDocuments({ userId: user.user._id })).toBe(0);
    expect(await CompletionModel.countDocuments({ userId: user.user._id })).toBe(0);
  }

  it('logs a workout dated the day after the user’s today and marks that day, as travellers east need', async () => {
    const user = await buildUser({ timezone: timeZone });
    const habitId = await linkedHabit(user);

    const res = await api().post('/api/workouts').set(user.auth).send(bodyAt(now(), tomorrow));

    expect({ status: res.status, date: res.body.date }).toEqual({ status: 201, date: tomorrow });
    expect(await daysOf(habitId)).toEqual([
      { date: tomorrow, status: 'done', source: 'workout', note: '' },
    ]);
    // Statistics run up to such a day (see evaluationEnd in habits/progress.ts).
    const stats = await api().get(`/api/habits/${habitId}/stats`).set(user.auth);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      asOf: tomorrow,
      currentStreak: { count: 1, start: tomorrow, end: tomorrow },
      totals: { done: 1 },
    });
  });

  it('logs a workout whose start is just past midnight by a clock running ahead, on that day', async () => {
    const user = await buildUser({ timezone: timeZone });
    const habitId = await linkedHabit(user);

    const res = await api()
      .post('/api/workouts')
      .set(user.auth)
      .send(bodyAt(`${tomorrow}T00:05:00${offset}`));

    expect({ status: res.status, date: res.body.date }).toEqual({ status: 201, date: tomorrow });
    expect(await doneDays(habitId)).toEqual([tomorrow]);
  });

  it('refuses a day later than tomorrow with 400 naming date and writes nothing, linked habits or not', async () => {
    const linked = await buildUser({ timezone: timeZone });
    await linkedHabit(linked);
    const plain = await buildUser({ timezone: timeZone });

    for (const user of [linked, plain]) {
      const res = await api().post('/api/workouts').set(user.auth).send(bodyAt(now(), dayAfter));

      expectError(res, 400, 'VALIDATION_FAILED', 'date');
      await expectNothingWritten(user);
    }
  });

  it('refuses a start that falls later than tomorrow with 400 naming startedAt', async () => {
    const user = await buildUser({ timezone: timeZone });
    await linkedHabit(user);

    const res = await api()
      .post('/api/workouts')
      .set(user.auth)
      .send(bodyAt(`${dayAfter}T00:30:00${offset}`));

    expectError(res, 400, 'VALIDATION_FAILED', 'startedAt');
    await expectNothingWritten(user);
  });

  it('refuses moving a workout later than tomorrow, leaving it and its marks as they were', async () => {
    const user = await buildUser({ timezone: timeZone });
    const habitId = await linkedHabit(user);
    const workout = await logWorkout(user, bodyAt(now(), today));

    const res = await api()
      .patch(`/api/workouts/${workout.id}`)
      .set(user.auth)
      .send({ date: dayAfter, notes: 'Moved' });

    expectError(res, 400, 'VALIDATION_FAILED', 'date');
    const stored = await WorkoutModel.findById(workout.id);
    expect({ date: stored?.date, notes: stored?.notes }).toEqual({ date: today, notes: '' });
    expect(await doneDays(habitId)).toEqual([today]);
  });

  it('still refuses a hand tick on the day after today', async () => {
    const user = await buildUser({ timezone: timeZone });
    const habitId = await linkedHabit(user);

    expectError(await tick(user, habitId, tomorrow), 400, 'VALIDATION_FAILED', 'date');
    expect(await daysOf(habitId)).toEqual([]);
  });
});
