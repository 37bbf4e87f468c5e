import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';
import { UserModel } from '../users/model';
import { catalogExerciseId, seedExerciseCatalog } from './seed';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

const squat = catalogExerciseId('back-squat').toHexString();
const bench = catalogExerciseId('bench-press').toHexString();

async function logSquats(user: TestUser, startedAt: string, sets: Array<[number, number]>) {
  const res = await api()
    .post('/api/workouts')
    .set(user.auth)
    .send({
      startedAt,
      exercises: [{ exerciseId: squat, sets: sets.map(([weight, reps]) => ({ weight, reps })) }],
    });
  expect(res.status).toBe(201);

  return res.body as { id: string; date: string };
}

describe('GET /api/exercises/:id/history', () => {
  it('lists the sessions of the exercise newest first, with their bests, a page at a time', async () => {
    const user = await buildUser();
    const other = await buildUser();
    await logSquats(user, '2026-03-02T10:00:00Z', [[100, 5]]);
    await logSquats(user, '2026-03-04T10:00:00Z', [[105, 5]]);
    await api()
      .post('/api/workouts')
      .set(user.auth)
      .send({
        startedAt: '2026-03-06T10:00:00Z',
        exercises: [
          {
            exerciseId: squat,
            sets: [
              { weight: 60, reps: 5, type: 'warmup' },
              { weight: 110, reps: 3 },
            ],
          },
          { exerciseId: bench, sets: [{ weight: 80, reps: 5 }] },
          { exerciseId: squat, sets: [{ weight: 90, reps: 8, type: 'drop' }] },
        ],
      });
    await logSquats(other, '2026-03-07T10:00:00Z', [[200, 1]]);

    const first = await api().get(`/api/exercises/${squat}/history?limit=2`).set(user.auth);
    const second = await api()
      .get(`/api/exercises/${squat}/history?limit=2&cursor=${first.body.nextCursor}`)
      .set(user.auth);

    expect(first.body.exercise).toMatchObject({ id: squat, name: 'Back Squat' });
    expect(first.body.items).toEqual([
      {
        workoutId: expect.any(String),
        date: '2026-03-06',
        startedAt: '2026-03-06T10:00:00.000Z',
        sets: [
          {
            type: 'warmup',
            reps: 5,
            weight: 60,
            rpe: null,
            durationSeconds: null,
            distanceMeters: null,
          },
          {
            type: 'normal',
            reps: 3,
            weight: 110,
            rpe: null,
            durationSeconds: null,
            distanceMeters: null,
          },
          {
            type: 'drop',
            reps: 8,
            weight: 90,
            rpe: null,
            durationSeconds: null,
            distanceMeters: null,
          },
        ],
        bests: { heaviestWeight: 110, bestOneRepMax: 121, bestSetVolume: 720, mostReps: 8 },
        volume: 1050,
      },
      expect.objectContaining({
        date: '2026-03-04',
        bests: expect.objectContaining({ heaviestWeight: 105 }),
      }),
    ]);
    expect(second.body.items.map((item: { date: string }) => item.date)).toEqual(['2026-03-02']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('gives what the user did last time as the first entry, in the user’s unit', async () => {
    const user = await buildUser();
    await logSquats(user, '2026-03-02T10:00:00Z', [[100, 5]]);
    await UserModel.updateOne({ _id: user.user._id }, { unit: 'lb' });

    const res = await api().get(`/api/exercises/${squat}/history?limit=1`).set(user.auth);

    expect(res.body.unit).toBe('lb');
    expect(res.body.items[0].sets[0]).toMatchObject({ reps: 5, weight: 220.5 });
  });

  it('is empty for an exercise never done, and 400 for a bad id', async () => {
    const user = await buildUser();

    const res = await api().get(`/api/exercises/${bench}/history`).set(user.auth);

    expect(res.body).toMatchObject({ items: [], nextCursor: null });
    expectError(
      await api().get('/api/exercises/nope/history').set(user.auth),
      400,
      'VALIDATION_FAILED',
      'id',
    );
  });
});

describe('GET /api/exercises/:id/records', () => {
  it('gives each record with the workout that first reached it; a later tie does not take it', async () => {
    const user = await buildUser();
    const first = await logSquats(user, '2026-03-02T10:00:00Z', [
      [100, 5],
      [80, 12],
    ]);
    const heavy = await logSquats(user, '2026-03-04T10:00:00Z', [[110, 2]]);
    await logSquats(user, '2026-03-06T10:00:00Z', [[110, 2]]);

    const res = await api().get(`/api/exercises/${squat}/records`).set(user.auth);

    expect(res.body.records).toEqual([
      {
        type: 'heaviestWeight',
        value: 110,
        workoutId: heavy.id,
        date: '2026-03-04',
        startedAt: '2026-03-04T10:00:00.000Z',
      },
      {
        type: 'bestOneRepMax',
        value: 117.3,
        workoutId: heavy.id,
        date: '2026-03-04',
        startedAt: '2026-03-04T10:00:00.000Z',
      },
      {
        type: 'bestSetVolume',
        value: 960,
        workoutId: first.id,
        date: '2026-03-02',
        startedAt: '2026-03-02T10:00:00.000Z',
      },
      {
        type: 'mostReps',
        value: 12,
        workoutId: first.id,
        date: '2026-03-02',
        startedAt: '2026-03-02T10:00:00.000Z',
      },
    ]);
  });

  it('falls back to the previous best when the record’s workout is deleted', async () => {
    const user = await buildUser();
    await logSquats(user, '2026-03-02T10:00:00Z', [[100, 5]]);
    const heavy = await logSquats(user, '2026-03-04T10:00:00Z', [[110, 2]]);

    await api().delete(`/api/workouts/${heavy.id}`).set(user.auth);
    const res = await api().get(`/api/exercises/${squat}/records`).set(user.auth);

    expect(
      res.body.records.find((item: { type: string }) => item.type === 'heaviestWeight'),
    ).toMatchObject({
      value: 100,
      date: '2026-03-02',
    });
  });
});
