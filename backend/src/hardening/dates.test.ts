// Every day a user can write has a lower bound (EARLIEST_DATE) and an upper one (today, plus one
// for a workout or body weight): an answer names the field and nothing is written.
import { BodyWeightModel } from '../body-weights/model';
import { CompletionModel } from '../habits/model';
import { EARLIEST_DATE, addDays, localDateIn } from '../lib/time';
import { buildExercise } from '../test/gym';
import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';
import { WorkoutModel } from '../workouts/model';

useTestServices();

const BEFORE = addDays(EARLIEST_DATE, -1);

async function workoutBody(user: TestUser, startedAt: string) {
  const exercise = await buildExercise(user);

  return { startedAt, exercises: [{ exerciseId: exercise.id, sets: [{ reps: 5, weight: 50 }] }] };
}

describe('POST /api/workouts', () => {
  it.each([['0001-01-01T10:00:00Z'], ['1900-06-01T10:00:00Z'], [`${BEFORE}T10:00:00Z`]])(
    'refuses startedAt %s, before the earliest date, and writes nothing',
    async (startedAt) => {
      const user = await buildUser({ timezone: 'UTC' });
      const res = await api()
        .post('/api/workouts')
        .set(user.auth)
        .send(await workoutBody(user, startedAt));

      expectError(res, 400, 'VALIDATION_FAILED', 'startedAt');
      expect(await WorkoutModel.countDocuments({ userId: user.user._id })).toBe(0);
    },
  );

  it('refuses a start on the earliest day that is the day before in the user zone', async () => {
    const user = await buildUser({ timezone: 'America/New_York' });
    const body = await workoutBody(user, `${EARLIEST_DATE}T02:00:00Z`);
    const res = await api().post('/api/workouts').set(user.auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', 'startedAt');
  });

  it('accepts a start on the earliest day', async () => {
    const user = await buildUser({ timezone: 'UTC' });
    const body = await workoutBody(user, `${EARLIEST_DATE}T10:00:00Z`);
    const res = await api().post('/api/workouts').set(user.auth).send(body);

    expect(res.status).toBe(201);
    expect(res.body.date).toBe(EARLIEST_DATE);
  });

  it('refuses an impossible instant, naming startedAt', async () => {
    const user = await buildUser();
    const body = await workoutBody(user, '2026-02-30T17:00:00Z');
    const res = await api().post('/api/workouts').set(user.auth).send(body);

    expectError(res, 400, 'VALIDATION_FAILED', 'startedAt');
  });
});

describe('PATCH /api/workouts/:id', () => {
  it.each([
    [{ startedAt: '2026-02-30T17:00:00Z' }, 'startedAt'],
    [{ endedAt: '2026-11-31T17:00:00Z' }, 'endedAt'],
    [{ startedAt: '1900-01-01T10:00:00Z' }, 'startedAt'],
    [{ date: BEFORE }, 'date'],
  ])('refuses %j naming only %s, and changes nothing', async (changes, field) => {
    const user = await buildUser({ timezone: 'UTC' });
    const body = await workoutBody(user, '2026-03-02T10:00:00Z');
    const created = await api().post('/api/workouts').set(user.auth).send(body);
    const res = await api().patch(`/api/workouts/${created.body.id}`).set(user.auth).send(changes);

    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(res.body.error.details.map((detail: { field: string }) => detail.field)).toEqual([
      field,
    ]);
    const stored = await WorkoutModel.findById(created.body.id);
    expect(stored?.startedAt.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(stored?.date).toBe('2026-03-02');
  });
});

describe('PUT /api/habits/:id/completions/:date', () => {
  it('refuses a day before the earliest date and keeps the start date', async () => {
    const user = await buildUser();
    const habit = await api().post('/api/habits').set(user.auth).send({ name: 'Read' });
    const res = await api()
      .put(`/api/habits/${habit.body.id}/completions/1899-12-31`)
      .set(user.auth)
      .send({});

    expectError(res, 400, 'VALIDATION_FAILED', 'date');
    const after = await api().get(`/api/habits/${habit.body.id}`).set(user.auth);
    expect(after.body.startDate).toBe(habit.body.startDate);
    expect(await CompletionModel.countDocuments({ userId: user.user._id })).toBe(0);
  });
});

describe('POST /api/habits', () => {
  it.each([['1900-01-01'], [BEFORE]])('refuses startDate %s', async (startDate) => {
    const user = await buildUser();
    const res = await api().post('/api/habits').set(user.auth).send({ name: 'Read', startDate });

    expectError(res, 400, 'VALIDATION_FAILED', 'startDate');
  });

  it('accepts the earliest date as startDate', async () => {
    const user = await buildUser();
    const res = await api()
      .post('/api/habits')
      .set(user.auth)
      .send({ name: 'Read', startDate: EARLIEST_DATE });

    expect({ status: res.status, startDate: res.body.startDate }).toEqual({
      status: 201,
      startDate: EARLIEST_DATE,
    });
  });
});

describe('PUT /api/body-weights/:date', () => {
  it.each([['1899-12-04'], [BEFORE]])('refuses %s, before the earliest date', async (date) => {
    const user = await buildUser();
    const res = await api().put(`/api/body-weights/${date}`).set(user.auth).send({ weight: 80 });

    expectError(res, 400, 'VALIDATION_FAILED', 'date');
    expect(await BodyWeightModel.countDocuments({ userId: user.user._id })).toBe(0);
  });

  it('refuses a day after tomorrow in the user zone, and accepts tomorrow', async () => {
    const user = await buildUser({ timezone: 'Pacific/Kiritimati' });
    const today = localDateIn('Pacific/Kiritimati');
    const late = await api()
      .put(`/api/body-weights/${addDays(today, 2)}`)
      .set(user.auth)
      .send({ weight: 80 });
    const tomorrow = await api()
      .put(`/api/body-weights/${addDays(today, 1)}`)
      .set(user.auth)
      .send({ weight: 80 });

    expectError(late, 400, 'VALIDATION_FAILED', 'date');
    expect(tomorrow.status).toBe(200);
    expect(await BodyWeightModel.countDocuments({ userId: user.user._id })).toBe(1);
  });
});
