import { config } from '../lib/config';
import { HabitModel } from '../habits/model';
import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { createTally } from '../test/tally';

useTestServices();
const tally = createTally('headers');

afterAll(() => tally.save());

const allowed = config.corsOrigins[0] as string;

describe('security headers on API answers', () => {
  it.each([
    ['a public answer', '/api/health/live'],
    ['an error', '/api/nothing-here'],
    ['a signed-in answer', '/api/auth/me'],
  ])('%s allows no content at all and no framing', async (_label, path) => {
    const { auth } = await buildUser();

    const res = await api().get(path).set(auth);

    tally.count('headers and CORS', res.status);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('CORS', () => {
  it('serves requests without an Origin (curl, probes)', async () => {
    expect((await api().get('/api/health/live')).status).toBe(200);
  });

  it('answers the web app’s origin, with credentials', async () => {
    const res = await api().get('/api/health/live').set('Origin', allowed);

    tally.count('headers and CORS', res.status);
    expect(res.headers['access-control-allow-origin']).toBe(allowed);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });

  it('lets the web app send an Idempotency-Key with a create', async () => {
    const res = await api()
      .options('/api/habits')
      .set('Origin', allowed)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');

    tally.count('headers and CORS', res.status);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(allowed);
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain(
      'idempotency-key',
    );
  });

  it.each([
    'https://evil.example',
    'null',
    `${allowed}.evil.example`,
    allowed.replace('http://', 'https://'),
    `${allowed}:81`,
    allowed.toUpperCase(),
  ])(
    'refuses the origin %s with 403 and no CORS header, on reads and preflights',
    async (origin) => {
      const { auth, user } = await buildUser();

      const read = await api().get('/api/auth/me').set(auth).set('Origin', origin);
      const preflight = await api()
        .options('/api/habits')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');

      const write = await api()
        .post('/api/habits')
        .set(auth)
        .set('Origin', origin)
        .send({ name: 'x' });

      for (const res of [read, preflight, write]) {
        tally.count('headers and CORS', res.status);
        expectError(res, 403, 'FORBIDDEN');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        expect(res.headers['access-control-allow-methods']).toBeUndefined();
      }
      expect(await HabitModel.countDocuments({ userId: user._id })).toBe(0);
    },
  );
});
