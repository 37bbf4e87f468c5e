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
