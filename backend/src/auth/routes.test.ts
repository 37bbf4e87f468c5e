import { config } from '../lib/config';
import { redis } from '../lib/redis';
import { UserModel } from '../users/model';
import { api, buildUser, expectError, TEST_PASSWORD, useTestServices } from '../test/setup';

useTestServices();

const password = 'a long enough passphrase';

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const refresh = cookies.find((cookie) => cookie.startsWith('hg_refresh='));
  if (!refresh) {
    throw new Error('no refresh cookie');
  }

  return refresh.split(';')[0] as string;
}

describe('POST /api/auth/register', () => {
  it.each([
    ['20 spaces', ' '.repeat(20)],
    [
      'mixed white space',
      ' \t\u00a0\u2003\u3000\u2009\u202f\u205f\u1680\u2002\u2004\u2005 \t\u00a0',
    ],
  ])('refuses a password of %s, naming password, and creates nobody', async (_label, spaces) => {
    const res = await api()
      .post('/api/auth/register')
      .send({ email: 'spaces@example.test', password: spaces, timezone: 'UTC' });

    expectError(res, 400, 'VALIDATION_FAILED', 'password');
    expect(await UserModel.countDocuments({ email: 'spaces@example.test' })).toBe(0);
  });

  it('creates a user and answers 202 without a session; the user then signs in', async () => {
    const res = await api().post('/api/auth/register').send({
      email: 'New.Person@Example.test',
      password,
      name: 'New Person',
      timezone: 'America/New_York',
    });

    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'accepted', next: 'login' });
    expect(res.headers['set-cookie']).toBeUndefined();
    const stored = await UserModel.findOne({ email: 'new.person@example.test' });
    expect(stored).toMatchObject({ name: 'New Person', timezone: 'America/New_York' });

    const login = await api()
      .post('/api/auth/login')
      .send({ email: 'new.person@example.test', password });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: 'new.person@example.test', name: 'New Person' });
    expect(login.body.user.passwordHash).toBeUndefined();
    expect(login.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).join(';');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
  });

  it('answers a registered email, in any letter case, exactly like a new one and changes nothing', async () => {
    const first = await api()
      .post('/api/auth/register')
      .send({ email: 'twice@example.test', password, name: 'Owner' });
    const before = await UserModel.findOne({ email: 'twice@example.test' }).lean();

    const again = await api().post('/api/auth/register').send({
      email: 'TWICE@example.test',
      password: 'another long passphrase here',
      name: 'Intruder',
      timezone: 'Asia/Tokyo',
    });

    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(Object.keys(again.headers).sort()).toEqual(Object.keys(first.headers).sort());
    expect(await UserModel.countDocuments({ email: 'twice@example.test' })).toBe(1);
    expect(await UserModel.findOne({ email: 'twice@example.test' }).lean()).toEqual(before);
    const intruder = await api()
      .post('/api/auth/login')
      .send({ email: 'twice@example.test', password: 'another long passphrase here' });
    expectError(intruder, 401, 'INVALID_CREDENTIALS');
  });

  it.each([
    [{ password }, 'email'],
    [{ email: 'not-an-email', password }, 'email'],
    [{ email: { $gt: '' }, password }, 'email'],
    [{ email: ['a@example.test'], password }, 'email'],
    [{ email: 'short@example.test', password: 'too short' }, 'password'],
    [{ email: 'num@example.test', password: 123456789012345 }, 'password'],
    [{ email: 'tz@example.test', password, timezone: 'Mars/Olympus' }, 'timezone'],
    [{ email: 'extra@example.test', password, isAdmin: true }, 'isAdmin'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await api().post('/api/auth/register').send(body);

    expectError(res, 400, 'VALIDATION_FAILED', field);
  });

  it('stores the time zone as the runtime spells it', async () => {
    await api()
      .post('/api/auth/register')
      .send({ email: 'zone@example.test', password, timezone: 'europe/paris' })
      .expect(202);

    expect((await UserModel.findOne({ email: 'zone@example.test' }))?.timezone).toBe(
      'Europe/Paris',
    );
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password', async () => {
    const { user } = await buildUser();

    const res = await api()
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });

    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    expect(typeof res.body.accessToken).toBe('string');
  });

  it('answers the same 401 for a wrong password and for an unknown email', async () => {
    const { user } = await buildUser();

    const wrongPassword = await api()
      .post('/api/auth/login')
      .send({ email: user.email, password: 'wrong password here' });
    const unknownEmail = await api()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.test', password: 'wrong password here' });

    expectError(wrongPassword, 401, 'INVALID_CREDENTIALS');
    expectError(unknownEmail, 401, 'INVALID_CREDENTIALS');
    expect(wrongPassword.body.error.message).toBe(unknownEmail.body.error.message);
  });
});

describe('GET /api/auth/me', () => {
  it('returns the signed-in user', async () => {
    const { user, auth } = await buildUser();

    const res = await api().get('/api/auth/me').set(auth);

    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, email: user.email });
  });

  it.each([
    ['no header', {}],
    ['a malformed token', { Authorization: 'Bearer nonsense' }],
    [
      'a token signed with another key',
      { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    ],
  ])('answers 401 with %s', async (_name, headers) => {
    const res = await api().get('/api/auth/me').set(headers);

    expectError(res, 401, 'UNAUTHENTICATED');
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates the refresh token, and reuse of an old one revokes the session', async () => {
    await api().post('/api/auth/register').send({ email: 'rotate@example.test', password });
    const signedIn = await api()
      .post('/api/auth/login')
      .send({ email: 'rotate@example.test', password });
    const first = cookieOf(signedIn);

    const refreshed = await api().post('/api/auth/refresh').set('Cookie', first);
    expect(refreshed.status).toBe(200);
    const second = cookieOf(refreshed);
    expect(second).not.toBe(first);

    const third = cookieOf(await api().post('/api/auth/refresh').set('Cookie', second));
    // `first` was replaced two rotations ago, outside the grace window for concurrent tabs.
    const reuse = await api().post('/api/auth/refresh').set('Cookie', first);
    expectError(reuse, 401, 'UNAUTHENTICATED');

    const afterReuse = await api().post('/api/auth/refresh').set('Cookie', third);
    expectError(afterReuse, 401, 'UNAUTHENTICATED');
    const me = await api()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    expectError(me, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 without a cookie', async () => {
    expectError(await api().post('/api/auth/refresh'), 401, 'UNAUTHENTICATED');
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: its access token stops working', async () => {
    const { auth } = await buildUser();

    const res = await api().post('/api/auth/logout').set(auth);

    expect(res.status).toBe(204);
    expectError(await api().get('/api/auth/me').set(auth), 401, 'UNAUTHENTICATED');
  });
});

async function signIn(email: string, device: string) {
  const res = await api()
    .post('/api/auth/login')
    .set('User-Agent', device)
    .send({ email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);

  return {
    auth: { Authorization: `Bearer ${res.body.accessToken as string}` },
    cookie: cookieOf(res),
  };
}

describe('POST /api/auth/refresh, concurrent tabs', () => {
  it('answers both of two refreshes with the same cookie; only one rotates the cookie', async () => {
    const { user } = await buildUser();
    const { cookie } = await signIn(user.email, 'Firefox');

    const [first, second] = await Promise.all([
      api().post('/api/auth/refresh').set('Cookie', cookie),
      api().post('/api/auth/refresh').set('Cookie', cookie),
    ]);

    expect([first.status, second.status]).toEqual([200, 200]);
    const rotated = [first, second].filter((res) =>
      ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).some((value) =>
        value.startsWith('hg_refresh='),
      ),
    );
    expect(rotated).toHaveLength(1);
  });

  it('keeps the user’s session list alive as long as a refreshed session lives', async () => {
    const { user } = await buildUser();
    const { cookie } = await signIn(user.email, 'Firefox');
    const listKey = `user:${user.id}:sessions`;
    // As if the session had been created long ago and refreshed ever since.
    await redis.expire(listKey, 60);

    await api().post('/api/auth/refresh').set('Cookie', cookie).expect(200);

    expect(await redis.ttl(listKey)).toBeGreaterThan(config.refreshTokenTtlSeconds - 10);
  });
});

describe('GET /api/auth/sessions', () => {
  it('lists the user’s own sessions with device and last use, marking the current one', async () => {
    const { user } = await buildUser();
    await buildUser();
    const laptop = await signIn(user.email, 'Firefox on Linux');
    await signIn(user.email, 'Safari on iPhone');

    const res = await api().get('/api/auth/sessions').set(laptop.auth);

    expect(res.status).toBe(200);
    // buildUser opened one session too ("jest").
    expect(res.body.items.map((item: { device: string }) => item.device).sort()).toEqual([
      'Firefox on Linux',
      'Safari on iPhone',
      'jest',
    ]);
    const current = res.body.items.filter((item: { isCurrent: boolean }) => item.isCurrent);
    expect(current).toHaveLength(1);
    expect(current[0].device).toBe('Firefox on Linux');
    for (const item of res.body.items) {
      expect(item.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Date.parse(item.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    }
  });
});

describe('DELETE /api/auth/sessions/:id', () => {
  it('revokes another session of the user: its access and refresh tokens stop working', async () => {
    const { user } = await buildUser();
    const laptop = await signIn(user.email, 'Firefox');
    const phone = await signIn(user.email, 'Safari');
    const listed = await api().get('/api/auth/sessions').set(phone.auth);
    const phoneId = listed.body.items.find((item: { isCurrent: boolean }) => item.isCurrent).id;

    const res = await api().delete(`/api/auth/sessions/${phoneId}`).set(laptop.auth);

    expect(res.status).toBe(204);
    expectError(await api().get('/api/auth/me').set(phone.auth), 401, 'UNAUTHENTICATED');
    expectError(
      await api().post('/api/auth/refresh').set('Cookie', phone.cookie),
      401,
      'UNAUTHENTICATED',
    );
    expect((await api().get('/api/auth/me').set(laptop.auth)).status).toBe(200);
  });

  it('answers 404 for another user’s session and leaves it alive', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    const bobSessions = await api().get('/api/auth/sessions').set(bob.auth);
    const bobSessionId = bobSessions.body.items[0].id as string;

    const res = await api().delete(`/api/auth/sessions/${bobSessionId}`).set(alice.auth);

    expectError(res, 404, 'NOT_FOUND');
    expect((await api().get('/api/auth/me').set(bob.auth)).status).toBe(200);
  });

  it('answers 400 naming the id for a malformed session id', async () => {
    const { auth } = await buildUser();

    expectError(
      await api().delete('/api/auth/sessions/x').set(auth),
      400,
      'VALIDATION_FAILED',
      'id',
    );
  });
});

describe('POST /api/auth/logout-all', () => {
  it('ends every session of the user and no other user’s', async () => {
    const { user } = await buildUser();
    const other = await buildUser();
    const laptop = await signIn(user.email, 'Firefox');
    const phone = await signIn(user.email, 'Safari');

    const res = await api().post('/api/auth/logout-all').set(laptop.auth);

    expect(res.status).toBe(204);
    for (const session of [laptop, phone]) {
      expectError(await api().get('/api/auth/me').set(session.auth), 401, 'UNAUTHENTICATED');
      expectError(
        await api().post('/api/auth/refresh').set('Cookie', session.cookie),
        401,
        'UNAUTHENTICATED',
      );
    }
    expect((await api().get('/api/auth/me').set(other.auth)).status).toBe(200);
  });
});
