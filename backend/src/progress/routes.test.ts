import { catalogExerciseId, seedExerciseCatalog } from '../exercises/seed';
import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';
import { UserModel } from '../users/model';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

const squat = catalogExerciseId('back-squat').toHexString();
const bench = catalogExerciseId('bench-press').toHexString();
const pullUp = catalogExerciseId('pull-up').toHexString();

async function log(user: TestUser, startedAt: string, exercises: object[]) {
  const res = await api().post('/api/workouts').set(user.auth).send({ startedAt, exercises });
  expect(res.status).toBe(201);
}

describe('GET /api/progress', () => {
  it('counts workouts and volume per calendar week and per primary muscle, with all-time totals', async () => {
    const user = await buildUser({ timezone: 'Europe/Berlin' });
    const other = await buildUser();
    await log(user, '2026-02-10T10:00:00Z', [
      { exerciseId: squat, sets: [{ reps: 5, weight: 100 }] },
    ]);
    await log(user, '2026-03-02T10:00:00Z', [
      {
        exerciseId: squat,
        sets: [
          { reps: 5, weight: 100, type: 'warmup' },
          { reps: 5, weight: 120 },
        ],
      },
      { exerciseId: bench, sets: [{ reps: 5, weight: 80 }] },
    ]);
    // Sunday 23:30 UTC is already Monday in Berlin: the next week.
    await log(user, '2026-03-08T23:30:00Z', [
      { exerciseId: bench, sets: [{ reps: 10, weight: 60 }] },
      { exerciseId: pullUp, sets: [{ reps: 10 }] },
    ]);
    await log(other, '2026-03-03T10:00:00Z', [
      { exerciseId: squat, sets: [{ reps: 1, weight: 300 }] },
    ]);

    const res = await api().get('/api/progress?weeks=3&to=2026-03-11').set(user.auth);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      unit: 'kg',
      weekStart: 'monday',
      weeks: [
        { start: '2026-02-23', workouts: 0, volume: 0, volumeByMuscle: {} },
        {
          start: '2026-03-02',
          workouts: 1,
          volume: 1000,
          volumeByMuscle: { quadriceps: 600, glutes: 600, chest: 400 },
        },
        { start: '2026-03-09', workouts: 1, volume: 600, volumeByMuscle: { chest: 600 } },
      ],
      totals: { workouts: 3, volume: 2100 },
    });
  });

  it('starts weeks on the user’s week start and shows volume in the user’s unit', async () => {
    const user = await buildUser();
    await UserModel.updateOne({ _id: user.user._id }, { unit: 'lb', weekStart: 'sunday' });
    await log(user, '2026-03-08T10:00:00Z', [
      { exerciseId: squat, sets: [{ reps: 5, weight: 225 }] },
    ]);

    const res = await api().get('/api/progress?weeks=1&to=2026-03-10').set(user.auth);

    expect(res.body.weeks).toEqual([
      {
        start: '2026-03-08',
        workouts: 1,
        volume: 1125,
        volumeByMuscle: { quadriceps: 1125, glutes: 1125 },
      },
    ]);
    expect(res.body.totals).toEqual({ workouts: 1, volume: 1125 });
  });

  it.each(['weeks=0', 'weeks=105', 'weeks=2.5', 'to=2026-02-30', 'weeks=1&weeks=2', 'from=x'])(
    'answers 400 for ?%s',
    async (query) => {
      const { auth } = await buildUser();

      expectError(await api().get(`/api/progress?${query}`).set(auth), 400, 'VALIDATION_FAILED');
    },
  );
});
