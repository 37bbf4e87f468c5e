import mongoose from 'mongoose';

import { catalogExerciseId, seedExerciseCatalog } from '../exercises/seed';
import { fixture, importFile, postFile } from '../imports/test/api';
import { config } from '../lib/config';
import { redis } from '../lib/redis';
import {
  api,
  buildUser,
  expectError,
  TEST_PASSWORD,
  useTestServices,
  type TestUser,
} from '../test/setup';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

/** The user's documents in every collection of the database, by collection. */
async function documentsOf(user: TestUser): Promise<Record<string, number>> {
  const id = user.user._id;
  const counts: Record<string, number> = {};
  for (const collection of await mongoose.connection.db!.collections()) {
    counts[collection.collectionName] = await collection.countDocuments({
      $or: [{ _id: id }, { userId: id }, { ownerId: id }],
    });
  }
  return counts;
}

/** Redis keys that name the user, without the test prefix. */
async function redisKeysOf(user: TestUser): Promise<string[]> {
  const keys = await redis.keys(`${config.redisKeyPrefix}*${user.user.id}*`);
  return keys.map((key) => key.slice(config.redisKeyPrefix.length)).sort();
}

async function fillAccount(user: TestUser): Promise<void> {
  const ok = (res: { status: number; body: unknown }) => {
    if (res.status >= 300) {
      throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as { id: string };
  };
  const habit = ok(await api().post('/api/habits').set(user.auth).send({ name: 'Read' }));
  const habitId = habit.id;
  ok(await api().put(`/api/habits/${habitId}/completions/2025-01-02`).set(user.auth).send({}));
  const exercise = ok(
    await api()
      .post('/api/exercises')
      .set(user.auth)
      .send({
        name: 'Prowler drag',
        kind: 'distance_duration',
        primaryMuscles: ['quadriceps'],
        equipment: 'other',
      }),
  );
  const bench = catalogExerciseId('bench-press').toHexString();
  const sets = [{ reps: 5, weight: 100 }];
  ok(
    await api()
      .post('/api/routines')
      .set(user.auth)
      .send({ name: 'A', exercises: [{ exerciseId: bench, sets }] }),
  );
  ok(
    await api()
      .post('/api/workouts')
      .set(user.auth)
      .send({
        startedAt: '2025-01-02T10:00:00Z',
        exercises: [
          { exerciseId: bench, sets },
          { exerciseId: exercise.id, sets: [{ distanceMeters: 20 }] },
        ],
      }),
  );
  ok(await api().put('/api/body-weights/2025-01-02').set(user.auth).send({ weight: 80 }));
  const loop =
    'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n001,Floss,YES_NO,,,1,1,#FF8F00,,,,false\n';
  expect((await importFile(user, loop, 'Habits.csv')).status).toBe('done');
  // Cached responses: a list read twice is served from Redis the second time.
  ok(await api().get('/api/habits').set(user.auth));
  ok(await api().get('/api/habits').set(user.auth));
}

describe('DELETE /api/users/me', () => {
  it('deletes every document of the user in every collection, its sessions and its cache', async () => {
    const user = await buildUser();
    const bystander = await buildUser();
    await fillAccount(user);
    await fillAccount(bystander);
    const login = await api()
      .post('/api/auth/login')
      .send({ email: user.user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const before = await documentsOf(user);
    expect(before).toMatchObject({
      users: 1,
      habits: 2,
      completions: 1,
      exercises: 1,
      routines: 1,
      workouts: 1,
      bodyweights: 1,
      importjobs: 1,
      importeditems: 1,
    });
    expect(await redisKeysOf(user)).toEqual(
      expect.arrayContaining([
        `user:${user.user.id}:sessions`,
        `cache:user:${user.user.id}:generation`,
      ]),
    );
    const bystanderBefore = await documentsOf(bystander);

    const res = await api()
      .delete('/api/users/me')
      .set(user.auth)
      .send({ password: TEST_PASSWORD });

    expect(res.status).toBe(204);
    expect(Object.values(await documentsOf(user)).every((count) => count === 0)).toBe(true);
    expect(await documentsOf(user)).toEqual(
      Object.fromEntries(Object.keys(before).map((name) => [name, 0])),
    );
    // Only the rate limiters' counts are left: they hold no data and expire with their windows.
    expect(await redisKeysOf(user)).toEqual([
      `ratelimit:general:user:${user.user.id}`,
      `ratelimit:password-check:user:${user.user.id}`,
    ]);
    expect(await documentsOf(bystander)).toEqual(bystanderBefore);
    expectError(await api().get('/api/users/me').set(user.auth), 401, 'UNAUTHENTICATED');
    const refreshed = await api()
      .post('/api/auth/refresh')
      .set('Cookie', (login.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!);
    expectError(refreshed, 401, 'UNAUTHENTICATED');
    expect((await api().get('/api/habits').set(bystander.auth)).status).toBe(200);
  });

  it('stops an import that is running and leaves nothing of it', async () => {
    const user = await buildUser();
    const started = await postFile(user, '/api/imports', fixture('hevy/hevy-metric.csv'));
    expect(started.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const res = await api()
      .delete('/api/users/me')
      .set(user.auth)
      .send({ password: TEST_PASSWORD });

    expect(res.status).toBe(204);
    expect(Object.values(await documentsOf(user)).every((count) => count === 0)).toBe(true);
  });

  it('refuses a wrong password with 403 naming password, deleting nothing', async () => {
    const user = await buildUser();
    await fillAccount(user);
    const before = await documentsOf(user);

    const res = await api()
      .delete('/api/users/me')
      .set(user.auth)
      .send({ password: 'not it at all, sorry' });

    expectError(res, 403, 'FORBIDDEN', 'password');
    expect(await documentsOf(user)).toEqual(before);
    expect((await api().get('/api/users/me').set(user.auth)).status).toBe(200);
  });

  it('refuses more wrong passwords than a login allows with 429, even the right one after them', async () => {
    const user = await buildUser();
    const attempts = config.rateLimits.loginPerAccount.max;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const res = await api().delete('/api/users/me').set(user.auth).send({ password: 'guess' });
      expectError(res, 403, 'FORBIDDEN', 'password');
    }

    const res = await api()
      .delete('/api/users/me')
      .set(user.auth)
      .send({ password: TEST_PASSWORD });

    expectError(res, 429, 'RATE_LIMITED');
    expect((await documentsOf(user)).users).toBe(1);
    const other = await buildUser();
    const otherRes = await api()
      .delete('/api/users/me')
      .set(other.auth)
      .send({ password: 'guess' });
    expectError(otherRes, 403, 'FORBIDDEN', 'password');
  });

  it('answers 400 naming password when it is missing or not a string', async () => {
    const user = await buildUser();

    expectError(
      await api().delete('/api/users/me').set(user.auth).send({}),
      400,
      'VALIDATION_FAILED',
      'password',
    );
    expectError(
      await api().delete('/api/users/me').set(user.auth).send({ password: 42 }),
      400,
      'VALIDATION_FAILED',
      'password',
    );
    expect((await documentsOf(user)).users).toBe(1);
  });
});
