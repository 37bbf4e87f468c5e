import { api, buildUser, expectError, useTestServices } from '../test/setup';

useTestServices();

/** The value of one sample line, e.g. `cache_hits_total{cache="today"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));

  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /api/metrics', () => {
  it('answers Prometheus text with the request histogram by method, route pattern and status', async () => {
    await api().get('/api/health/live');
    await api().get('/api/health/live');
    await api().get('/api/nothing-here');

    const res = await api().get('/api/metrics');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    const live =
      'http_request_duration_seconds_count{method="GET",route="/api/health/live",status="200"}';
    expect(sample(res.text, live)).toBe(2);
    const unmatched =
      'http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}';
    expect(sample(res.text, unmatched)).toBe(1);
    expect(res.text).not.toContain('nothing-here');
  });

  it('reports the event-loop lag', async () => {
    const res = await api().get('/api/metrics');

    expect(sample(res.text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(res.text).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('counts response-cache hits and misses by route', async () => {
    const { auth } = await buildUser();
    const first = await api().get('/api/habits').set(auth);
    const second = await api().get('/api/habits').set(auth);
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);

    const res = await api().get('/api/metrics');

    expect(sample(res.text, 'cache_hits_total{cache="/api/habits"}')).toBe(1);
    expect(sample(res.text, 'cache_misses_total{cache="/api/habits"}')).toBe(1);
  });

  it('counts rate-limit rejections by limit', async () => {
    const { user } = await buildUser();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const login = await api()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'not the password at all' });
      statuses.push(login.status);
    }
    // RATE_LIMIT_LOGIN_ACCOUNT_MAX is 4 in tests (test/env.ts).
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    const res = await api().get('/api/metrics');

    expect(sample(res.text, 'rate_limit_rejections_total{limiter="login-account"}')).toBe(1);
  });

  it('returns 403 to a request that came through a proxy, even from loopback', async () => {
    const res = await api().get('/api/metrics').set('X-Forwarded-For', '127.0.0.1');

    expectError(res, 403, 'FORBIDDEN');
    expect(res.text).not.toContain('http_request_duration_seconds');
  });

  it('returns 400 for a query parameter', async () => {
    expectError(await api().get('/api/metrics?format=json'), 400, 'VALIDATION_FAILED', 'format');
  });
});
