import { isIdempotentHandler } from '../lib/idempotency';
import { bodyText, send } from '../test/attack';
import { ROUTE_SAMPLES } from '../test/route-samples';
import { app, prepare, routes, sampledRoutes, sampleOf, useServer } from '../test/hardening';
import { snapshotData } from '../test/snapshot';
import { useTestServices } from '../test/setup';

useTestServices();
const server = useServer();

describe('the route table', () => {
  it('finds the routes of the app', () => {
    expect(routes.map((route) => route.key)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'PATCH /api/habits/:id', 'GET /api/today']),
    );
  });

  it('has a sample for every route of the app, and none for a route that is gone', () => {
    const keys = routes.map((route) => route.key).sort();

    expect(keys.filter((key) => !(key in ROUTE_SAMPLES))).toEqual([]);
    expect(Object.keys(ROUTE_SAMPLES).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('says which routes need a session, as the app does', () => {
    const wrong = sampledRoutes
      .filter((route) => sampleOf(route).auth !== route.requiresAuth)
      .map((route) => `${route.key} requires auth: ${route.requiresAuth}`);

    expect(wrong).toEqual([]);
  });

  it.each(sampledRoutes.map((route) => [route.key, route]))(
    'the sample of %s is valid: it gets its success status',
    async (_key, route) => {
      const context = await prepare(server(), route);

      const res = await send(route, sampleOf(route), context);

      expect({ status: res.status, body: res.body }).toMatchObject({ status: sampleOf(route).ok });
    },
  );
});

describe('creates', () => {
  const creates = sampledRoutes.filter((route) => sampleOf(route).ok === 201);

  it('every route that creates is marked so and honours Idempotency-Key', () => {
    const missing = creates
      .filter((route) => !sampleOf(route).creates || !route.handlers.some(isIdempotentHandler))
      .map((route) => route.key);

    expect(creates.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it.each(creates.map((route) => [route.key, route]))(
    '%s answers a retry with the same key as the first time and stores nothing more',
    async (_key, route) => {
      const context = await prepare(server(), route);
      context.headers['Idempotency-Key'] = `table-${route.method}-${Date.now()}`;

      // The same body twice (its unique placeholders resolved once).
      const body = { type: 'body', text: bodyText(sampleOf(route), context) ?? '{}' } as const;
      const first = await send(route, sampleOf(route), context, body);
      const stored = await snapshotData({ withRedis: false });
      const retry = await send(route, sampleOf(route), context, body);

      expect(first.status).toBe(201);
      expect({ status: retry.status, body: retry.body }).toEqual({
        status: first.status,
        body: first.body,
      });
      expect(await snapshotData({ withRedis: false })).toEqual(stored);
    },
  );
});

describe('query strings', () => {
  it('are read by the simple parser: `a[b]=1` stays a key, never an object', () => {
    expect(app.get('query parser')).toBe('simple');
  });
});
