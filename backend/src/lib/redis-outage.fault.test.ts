import type { Response } from 'supertest';

import { redis } from './redis';
import { UserModel } from '../users/model';
import { api, buildUser, expectError, TEST_PASSWORD, useTestServices } from '../test/setup';
import {
  describeRedisServer,
  pauseRedisClients,
  removeSnapshot,
  startRedisServer,
  stopRedisServer,
  waitFor,
} from '../test/redis-server';

useTestServices();

// Runs alone, after the parallel tests (scripts/test.sh runs *.fault.test.ts one at a time): it
// stops and hangs the shared test Redis. Every test brings Redis back before it ends.

function namesOf(res: Response): string[] {
  return res.body.items.map((habit: { name: string }) => habit.name);
}

function refreshCookieOf(res: Response): string {
  const cookies = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const cookie = cookies.find((value) => value.startsWith('hg_refresh='));
  if (!cookie) {
    throw new Error('no refresh cookie');
  }

  return cookie.split(';')[0] as string;
}

describe('with Redis stopped, then back with its data', () => {
  it('keeps reads and writes working, refuses logins with 503, and serves nothing stale after', async () => {
    const owner = await buildUser();
    await api().post('/api/habits').set(owner.auth).send({ name: 'Before' }).expect(201);
    await api().get('/api/habits').set(owner.auth).expect(200);
    expect((await api().get('/api/habits').set(owner.auth)).headers['x-cache']).toBe('HIT');
    const signedIn = await api()
      .post('/api/auth/login')
      .send({ email: owner.user.email, password: TEST_PASSWORD })
      .expect(200);
    const cookie = refreshCookieOf(signedIn);
    const server = describeRedisServer();

    // Saved first: Redis comes back holding the cached list from before the outage.
    stopRedisServer(server, { keepData: true });
    try {
      await waitFor(() => redis.status !== 'ready');

      const read = await api().get('/api/habits').set(owner.auth);
      const write = await api().post('/api/habits').set(owner.auth).send({ name: 'During' });
      const readAfterWrite = await api().get('/api/habits').set(owner.auth);
      const login = await api()
        .post('/api/auth/login')
        .send({ email: owner.user.email, password: TEST_PASSWORD });
      const register = await api()
        .post('/api/auth/register')
        .send({ email: 'during.outage@example.test', password: TEST_PASSWORD });
      const refresh = await api().post('/api/auth/refresh').set('Cookie', cookie);
      const health = await api().get('/api/health');

      expect(read.status).toBe(200);
      expect(read.headers['x-cache']).toBe('BYPASS');
      expect(read.headers.ratelimit).toBeUndefined();
      expect(namesOf(read)).toEqual(['Before']);
      expect(write.status).toBe(201);
      expect(readAfterWrite.headers['x-cache']).toBe('BYPASS');
      expect(namesOf(readAfterWrite)).toEqual(['Before', 'During']);
      expectError(login, 503, 'SERVICE_UNAVAILABLE');
      expect(login.headers['retry-after']).toBe('5');
      expectError(register, 503, 'SERVICE_UNAVAILABLE');
      expect(await UserModel.countDocuments({ email: 'during.outage@example.test' })).toBe(0);
      expectError(refresh, 503, 'SERVICE_UNAVAILABLE');
      expect(health.status).toBe(503);
      expect(health.body.failing).toEqual(['redis']);
    } finally {
      startRedisServer(server);
    }
    await waitFor(() => redis.status === 'ready');
    removeSnapshot(server);

    const afterOutage = await api().get('/api/habits').set(owner.auth);
    const cachedAgain = await api().get('/api/habits').set(owner.auth);
    const refreshed = await api().post('/api/auth/refresh').set('Cookie', cookie);
    const registered = await api()
      .post('/api/auth/register')
      .send({ email: 'after.outage@example.test', password: TEST_PASSWORD });

    // The list cached before the outage is still in Redis, under the generation it had then.
    expect(afterOutage.headers['x-cache']).toBe('MISS');
    expect(namesOf(afterOutage)).toEqual(['Before', 'During']);
    expect(cachedAgain.headers['x-cache']).toBe('HIT');
    expect(refreshed.status).toBe(200);
    // The registration limit was first used during the outage; it counts again now.
    expect(registered.status).toBe(202);
    expect(registered.headers.ratelimit).toMatch(/"register"; r=\d+/);
  });
});

describe('with Redis hanging (connections open, no answers)', () => {
  it('answers reads and writes from the database without waiting for Redis', async () => {
    const owner = await buildUser();
    await api().post('/api/habits').set(owner.auth).send({ name: 'Before' }).expect(201);
    const server = describeRedisServer();
    const pauseMs = 4_000;

    pauseRedisClients(server, pauseMs);
    const started = Date.now();
    const read = await api().get('/api/habits').set(owner.auth);
    const write = await api().post('/api/habits').set(owner.auth).send({ name: 'During' });
    const elapsed = Date.now() - started;
    await waitFor(() => Date.now() - started > pauseMs);

    expect(read.status).toBe(200);
    expect(read.headers['x-cache']).toBe('BYPASS');
    expect(namesOf(read)).toEqual(['Before']);
    expect(write.status).toBe(201);
    // Not a latency target: both answered while Redis was still paused.
    expect(elapsed).toBeLessThan(pauseMs);
    const after = await api().get('/api/habits').set(owner.auth);
    expect(namesOf(after)).toEqual(['Before', 'During']);
  });
});
