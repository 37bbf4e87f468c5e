import { send } from '../test/attack';
import { ROUTE_SAMPLES } from '../test/route-samples';
import { prepare, routes, sampleOf, useServer } from '../test/hardening';
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
    const wrong = routes
      .filter((route) => sampleOf(route).auth !== route.requiresAuth)
      .map((route) => `${route.key} requires auth: ${route.requiresAuth}`);

    expect(wrong).toEqual([]);
  });

  it.each(routes.map((route) => [route.key, route]))(
    'the sample of %s is valid: it gets its success status',
    async (_key, route) => {
      const context = await prepare(server(), route);

      const res = await send(route, sampleOf(route), context);

      expect({ status: res.status, body: res.body }).toMatchObject({ status: sampleOf(route).ok });
    },
  );
});
