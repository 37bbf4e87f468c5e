import { catalogExerciseId, seedExerciseCatalog } from '../exercises/seed';
import { buildExercise } from '../test/gym';
import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';
import { UserModel } from '../users/model';
import { RoutineModel } from './model';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

const squat = catalogExerciseId('back-squat').toHexString();
const pullUp = catalogExerciseId('pull-up').toHexString();
const plank = catalogExerciseId('plank').toHexString();

const fiveByFive = {
  name: 'Strength A',
  notes: 'Add 2.5 kg each week',
  exercises: [
    {
      exerciseId: squat,
      sets: [
        { type: 'warmup', reps: 5, weight: 60 },
        { reps: 5, weight: 100 },
        { reps: 5, weight: 100 },
      ],
    },
    { exerciseId: pullUp, sets: [{ reps: 8 }, {}] },
    { exerciseId: plank, sets: [{ durationSeconds: 60 }] },
  ],
};

async function createRoutine(user: TestUser, body: object = fiveByFive) {
  const res = await api().post('/api/routines').set(user.auth).send(body);
  expect(res.status).toBe(201);

  return res.body;
}

describe('POST /api/routines', () => {
  it('builds a routine from exercises and target sets, where every target may be left open', async () => {
    const user = await buildUser();

    const routine = await createRoutine(user);

    expect(routine).toMatchObject({
      name: 'Strength A',
      notes: 'Add 2.5 kg each week',
      unit: 'kg',
      exercises: [
        {
          exerciseId: squat,
          name: 'Back Squat',
          kind: 'weight_reps',
          sets: [
            { type: 'warmup', reps: 5, weight: 60 },
            { type: 'normal', reps: 5, weight: 100 },
            { type: 'normal', reps: 5, weight: 100 },
          ],
        },
        {
          name: 'Pull-Up',
          sets: [
            { type: 'normal', reps: 8, weight: null },
            { type: 'normal', reps: null, weight: null },
          ],
        },
        { name: 'Plank', sets: [{ durationSeconds: 60 }] },
      ],
    });
  });

  it('stores target weights typed in pounds exactly', async () => {
    const user = await buildUser();
    await UserModel.updateOne({ _id: user.user._id }, { unit: 'lb' });

    const routine = await createRoutine(user, {
      name: 'Heavy',
      exercises: [{ exerciseId: squat, sets: [{ reps: 3, weight: 315 }] }],
    });
    const reloaded = await api().get(`/api/routines/${routine.id}`).set(user.auth);

    expect(reloaded.body).toMatchObject({ unit: 'lb', exercises: [{ sets: [{ weight: 315 }] }] });
  });

  it.each([
    [{ ...fiveByFive, name: '' }, 'name'],
    [{ ...fiveByFive, exercises: [] }, 'exercises'],
    [{ ...fiveByFive, exercises: [{ exerciseId: squat, sets: [] }] }, 'exercises[0].sets'],
    [
      { ...fiveByFive, exercises: [{ exerciseId: squat, sets: [{ type: 'amrap', reps: 5 }] }] },
      'exercises[0].sets[0].type',
    ],
    [
      { ...fiveByFive, exercises: [{ exerciseId: squat, sets: [{ reps: -5 }] }] },
      'exercises[0].sets[0].reps',
    ],
    [
      { ...fiveByFive, exercises: [{ exerciseId: plank, sets: [{ reps: 5 }] }] },
      'exercises[0].sets[0].reps',
    ],
    [
      {
        ...fiveByFive,
        exercises: [{ exerciseId: '507f1f77bcf86cd799439011', sets: [{ reps: 5 }] }],
      },
      'exercises[0].exerciseId',
    ],
  ])('answers 400 naming the field (%#) and writes nothing', async (body, field) => {
    const { auth, user } = await buildUser();

    const res = await api().post('/api/routines').set(auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await RoutineModel.countDocuments({ userId: user._id })).toBe(0);
  });

  it('answers 400 naming the field for another user’s exercise', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const own = await buildExercise(alice, { name: 'Jefferson Curl' });

    const res = await api()
      .post('/api/routines')
      .set(bob.auth)
      .send({ name: 'Copy', exercises: [{ exerciseId: own.id, sets: [{ reps: 5 }] }] });

    expectError(res, 400, 'VALIDATION_FAILED', 'exercises[0].exerciseId');
    expect(await RoutineModel.countDocuments({ userId: bob.user._id })).toBe(0);
  });
});

describe('POST /api/routines/from-workout', () => {
  it('saves a finished workout as a routine with its sets as targets', async () => {
    const user = await buildUser();
    const { body: workout } = await api()
      .post('/api/workouts')
      .set(user.auth)
      .send({
        startedAt: '2026-03-14T10:00:00Z',
        exercises: [
          { exerciseId: squat, sets: [{ reps: 5, weight: 102.5, rpe: 8 }] },
          { exerciseId: pullUp, supersetGroup: 2, sets: [{ reps: 9 }] },
          { exerciseId: plank, supersetGroup: 2, sets: [{ durationSeconds: 75 }] },
        ],
      });

    const res = await api()
      .post('/api/routines/from-workout')
      .set(user.auth)
      .send({ workoutId: workout.id, name: 'Saturday' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Saturday',
      exercises: [
        { exerciseId: squat, supersetGroup: null, sets: [{ reps: 5, weight: 102.5, rpe: 8 }] },
        { exerciseId: pullUp, supersetGroup: 2, sets: [{ reps: 9 }] },
        { exerciseId: plank, supersetGroup: 2, sets: [{ durationSeconds: 75 }] },
      ],
    });
  });

  it('answers 404 for another user’s workout and 400 for a missing name', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const { body: workout } = await api()
      .post('/api/workouts')
      .set(alice.auth)
      .send({
        startedAt: '2026-03-14T10:00:00Z',
        exercises: [{ exerciseId: pullUp, sets: [{ reps: 9 }] }],
      });

    expectError(
      await api()
        .post('/api/routines/from-workout')
        .set(bob.auth)
        .send({ workoutId: workout.id, name: 'Mine' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api()
        .post('/api/routines/from-workout')
        .set(alice.auth)
        .send({ workoutId: workout.id }),
      400,
      'VALIDATION_FAILED',
      'name',
    );
    expect(
      await RoutineModel.countDocuments({ userId: { $in: [alice.user._id, bob.user._id] } }),
    ).toBe(0);
  });
});

describe('starting a workout from a routine', () => {
  it('keeps the routine on the workout; another user’s routine is refused naming the field', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const routine = await createRoutine(alice);
    const session = {
      startedAt: '2026-03-14T10:00:00Z',
      exercises: [{ exerciseId: squat, sets: [{ reps: 5, weight: 100 }] }],
    };

    const started = await api()
      .post('/api/workouts')
      .set(alice.auth)
      .send({ ...session, routineId: routine.id });
    const refused = await api()
      .post('/api/workouts')
      .set(bob.auth)
      .send({ ...session, routineId: routine.id });

    expect(started.body.routineId).toBe(routine.id);
    expectError(refused, 400, 'VALIDATION_FAILED', 'routineId');
  });
});

describe('GET, PATCH and DELETE /api/routines', () => {
  it('lists, renames, replaces the exercises of, and deletes a routine', async () => {
    const user = await buildUser();
    const routine = await createRoutine(user);
    await createRoutine(user, { ...fiveByFive, name: 'Strength B' });

    const list = await api().get('/api/routines').set(user.auth);
    const patched = await api()
      .patch(`/api/routines/${routine.id}`)
      .set(user.auth)
      .send({ name: 'Strength A+', exercises: [{ exerciseId: pullUp, sets: [{ reps: 10 }] }] });

    expect(list.body.items.map((item: { name: string }) => item.name)).toEqual([
      'Strength A',
      'Strength B',
    ]);
    expect(patched.body).toMatchObject({
      name: 'Strength A+',
      exercises: [{ name: 'Pull-Up', sets: [{ reps: 10 }] }],
    });
    expect((await api().delete(`/api/routines/${routine.id}`).set(user.auth)).status).toBe(204);
    expectError(await api().get(`/api/routines/${routine.id}`).set(user.auth), 404, 'NOT_FOUND');
  });

  it('answers 404 to another user and changes nothing', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const routine = await createRoutine(alice);

    expectError(await api().get(`/api/routines/${routine.id}`).set(bob.auth), 404, 'NOT_FOUND');
    expectError(
      await api().patch(`/api/routines/${routine.id}`).set(bob.auth).send({ name: 'Mine' }),
      404,
      'NOT_FOUND',
    );
    expectError(await api().delete(`/api/routines/${routine.id}`).set(bob.auth), 404, 'NOT_FOUND');
    expect((await api().get('/api/routines').set(bob.auth)).body.items).toEqual([]);
    expect((await RoutineModel.findById(routine.id))?.name).toBe('Strength A');
  });
});
