import { Types } from 'mongoose';

import { expectRefusal, send, type RequestContext } from '../test/attack';
import { prepare, resetRateLimits, sampledRoutes, sampleOf, useServer } from '../test/hardening';
import { FIXTURES } from '../test/route-samples';
import { snapshotData } from '../test/snapshot';
import { buildUser, useTestServices } from '../test/setup';
import { createTally } from '../test/tally';

useTestServices();
const server = useServer();
const tally = createTally('authorization');

afterAll(() => tally.save());

// Routes that name something a user owns in the path: another user gets 404.
const withOwnedItem = sampledRoutes.filter((route) =>
  Object.values(sampleOf(route).params ?? {}).some((param) => 'fixture' in param),
);
// Routes that name something a user owns in the body (`<fixture exercise>`): another user's item
// must be answered exactly as an item that does not exist, whatever the answer is.
const withOwnedReference = sampledRoutes.filter(
  (route) =>
    !withOwnedItem.includes(route) &&
    JSON.stringify(sampleOf(route).body ?? {}).includes('<fixture '),
);

const answerOf = (res: {
  status: number;
  body: { error?: { code?: string; details?: unknown } };
}) => ({
  status: res.status,
  code: res.body.error?.code,
  details: res.body.error?.details,
});

describe('another user’s items', () => {
  it('covers every route that takes the id of something a user owns', () => {
    expect(withOwnedItem.map((route) => route.key)).toEqual(
      expect.arrayContaining(['GET /api/habits/:id', 'DELETE /api/workouts/:id']),
    );
    expect(withOwnedReference.map((route) => route.key)).toEqual(
      expect.arrayContaining(['POST /api/habits/reorder', 'POST /api/workouts']),
    );
  });

  it.each(withOwnedItem.map((route) => [route.key, route]))(
    '%s answers 404 to another user and leaves the owner’s item as it was',
    async (_key, route) => {
      const owner = await prepare(server(), route);
      const intruder = await buildUser();
      const before = await snapshotData();

      // The owner's ids, the intruder's token: a request that would succeed for the owner.
      const asIntruder: RequestContext = { ...owner, owner: intruder };
      const res = await send(route, sampleOf(route), asIntruder);

      tally.count('authorization matrix', res.status);
      expectRefusal(route, 'as another user', { status: 404, code: 'NOT_FOUND' }, res);
      expect(await snapshotData()).toEqual(before);
      const asOwner = await send(route, sampleOf(route), owner);
      expect(asOwner.status).toBe(sampleOf(route).ok);
    },
  );

  it.each(withOwnedReference.map((route) => [route.key, route]))(
    '%s answers another user’s item in the body as one that does not exist, and writes nothing',
    async (_key, route) => {
      const owner = await prepare(server(), route);
      const intruder = await buildUser();
      const nowhere = Object.fromEntries(
        Object.keys(owner.fixtures).map((key) => [key, new Types.ObjectId().toHexString()]),
      );
      const before = await snapshotData();

      const theirs = await send(route, sampleOf(route), { ...owner, owner: intruder });
      const missing = await send(route, sampleOf(route), {
        ...owner,
        owner: intruder,
        fixtures: nowhere,
      });

      tally.count('authorization matrix', theirs.status);
      expect(theirs.status).toBeGreaterThanOrEqual(400);
      expect(theirs.status).toBeLessThan(500);
      expect(answerOf(theirs)).toEqual(answerOf(missing));
      expect(await snapshotData()).toEqual(before);
    },
  );
});

describe('lists', () => {
  const lists = sampledRoutes.filter(
    (route) => route.method === 'GET' && route.requiresAuth && route.params.length === 0,
  );

  it.each(lists.map((route) => [route.key, route]))(
    '%s shows nothing of another user',
    async (_key, route) => {
      const owner = await buildUser();
      const ids = await Promise.all(Object.values(FIXTURES).map((fixture) => fixture(owner)));
      const intruder = await prepare(server(), route);

      const res = await send(route, sampleOf(route), intruder);

      tally.count('authorization matrix', res.status);
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const secret of [...ids, owner.user.id, owner.user.email]) {
        expect(text).not.toContain(secret);
      }
    },
  );
});

// Fields a client must never set: who owns an item, its id, its timestamps. Our rules refuse any
// field they do not name, so each of these is a 400 that names it, and nothing is written.
const OWNER_FIELDS: Record<string, unknown> = {
  userId: '507f1f77bcf86cd799439011',
  user: '507f1f77bcf86cd799439011',
  owner: '507f1f77bcf86cd799439011',
  _id: '507f1f77bcf86cd799439011',
  id: '507f1f77bcf86cd799439011',
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
  __v: 7,
  passwordHash: '$2b$12$abcdefghijklmnopqrstuv',
};

describe('fields a client must not set', () => {
  const withBody = sampledRoutes.filter((route) => sampleOf(route).body !== undefined);

  it.each(withBody.map((route) => [route.key, route]))(
    '%s refuses owner ids, _id and timestamps in the body, naming each',
    async (_key, route) => {
      const context = await prepare(server(), route);
      const before = await snapshotData();

      for (const [field, value] of Object.entries(OWNER_FIELDS)) {
        await resetRateLimits();
        const res = await send(route, sampleOf(route), context, {
          type: 'extra',
          key: field,
          text: JSON.stringify(value),
        });
        tally.count('owner fields in bodies', res.status);
        expectRefusal(
          route,
          `with ${field}`,
          { status: 400, code: 'VALIDATION_FAILED', field },
          res,
        );
      }

      expect(await snapshotData()).toEqual(before);
    },
  );
});
