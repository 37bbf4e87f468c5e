import jwt from 'jsonwebtoken';

import { config } from '../lib/config';
import { expectRefusal, send, type RequestContext } from '../test/attack';
import { prepare, resetRateLimits, sampledRoutes, sampleOf, useServer } from '../test/hardening';
import { snapshotData } from '../test/snapshot';
import { api, buildUser, useTestServices, type TestUser } from '../test/setup';
import { createTally } from '../test/tally';

useTestServices();
const server = useServer();
const tally = createTally('tokens');

afterAll(() => tally.save());

const ISSUER = 'habit-gym-api';
const AUDIENCE = 'habit-gym-web';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claimsOf(user: TestUser): { sub: string; sid: string } {
  const payload = jwt.decode(user.token) as { sub: string; sid: string };

  return { sub: payload.sub, sid: payload.sid };
}

/** Signs claims as the API would, minus or plus whatever a case changes. */
function sign(claims: object, options: jwt.SignOptions = {}, secret = config.jwtSecret): string {
  return jwt.sign(claims, secret, { algorithm: 'HS256', ...options });
}

const valid = { issuer: ISSUER, audience: AUDIENCE, expiresIn: 900 } as const;

/** Each hostile token, made for the victim's session. */
const TOKENS: Record<string, (victim: TestUser, other: TestUser) => string> = {
  'alg none': (victim) => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...claimsOf(victim), iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 900 };

    return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
  },
  'alg None with a signature': (victim) => {
    const [, payload, signature] = victim.token.split('.');

    return `${base64url({ alg: 'None', typ: 'JWT' })}.${payload}.${signature}`;
  },
  'HS512 with the right key': (victim) => sign(claimsOf(victim), { ...valid, algorithm: 'HS512' }),
  'a wrong key': (victim) => sign(claimsOf(victim), valid, 'another secret of thirty-two chars!'),
  'an empty key': (victim) => {
    const [header, payload] = victim.token.split('.');

    return `${header}.${payload}.`;
  },
  expired: (victim) =>
    sign(
      { ...claimsOf(victim), exp: Math.floor(Date.now() / 1000) - 60 },
      {
        issuer: ISSUER,
        audience: AUDIENCE,
      },
    ),
  'not valid yet (nbf)': (victim) => sign(claimsOf(victim), { ...valid, notBefore: 600 }),
  'a tampered payload (another user as sub)': (victim, other) => {
    const [header, payload, signature] = victim.token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;

    return `${header}.${base64url({ ...claims, sub: other.user.id })}.${signature}`;
  },
  'a tampered payload (longer expiry)': (victim) => {
    const [header, payload, signature] = victim.token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;

    return `${header}.${base64url({ ...claims, exp: 4102444800 })}.${signature}`;
  },
  'no sub': (victim) => sign({ sid: claimsOf(victim).sid }, valid),
  'no sid': (victim) => sign({ sub: claimsOf(victim).sub }, valid),
  'no exp': (victim) => sign(claimsOf(victim), { issuer: ISSUER, audience: AUDIENCE }),
  'no iss': (victim) => sign(claimsOf(victim), { audience: AUDIENCE, expiresIn: 900 }),
  'no aud': (victim) => sign(claimsOf(victim), { issuer: ISSUER, expiresIn: 900 }),
  'another issuer': (victim) => sign(claimsOf(victim), { ...valid, issuer: 'someone-else' }),
  'another audience': (victim) => sign(claimsOf(victim), { ...valid, audience: 'another-app' }),
  'sub of the wrong type': (victim) => sign({ sub: 42, sid: claimsOf(victim).sid }, valid),
  'the token of an ended session': () => endedSessionToken,
};

let endedSessionToken = '';

beforeAll(async () => {
  const ended = await buildUser();
  await api().post('/api/auth/logout').set(ended.auth).expect(204);
  endedSessionToken = ended.token;
});

/** Authorization headers that are not a bearer token at all. */
const HEADERS: Record<string, (victim: TestUser) => Record<string, string>> = {
  'no header': () => ({}),
  'Basic scheme': () => ({ Authorization: 'Basic dXNlcjpwYXNz' }),
  'two tokens': (victim) => ({ Authorization: `Bearer ${victim.token} ${victim.token}` }),
  'a token in a cookie only': (victim) => ({ Cookie: `access_token=${victim.token}` }),
  garbage: () => ({ Authorization: 'Bearer \u00ff\u00fe.\u00fd.' }),
};

const protectedRoutes = sampledRoutes.filter((route) => route.requiresAuth);

// Every token on the first route of each router (where its requireAuth sits); on the others, the
// commonest forgeries. The route table checks that every other route requires auth at all.
const routerOf = (path: string) => path.split('/').slice(0, 3).join('/');
const isFirstOfRouter = (index: number) =>
  protectedRoutes.findIndex(
    (route) => routerOf(route.path) === routerOf(protectedRoutes[index]?.path ?? ''),
  ) === index;
const COMMON = ['alg none', 'a wrong key', 'expired', 'a tampered payload (another user as sub)'];

describe.each(
  protectedRoutes.map((route, index) => [route.key, route, isFirstOfRouter(index)] as const),
)('%s', (_key, route, isFirst) => {
  it('answers 401 to forged, expired, incomplete or misplaced tokens and changes nothing', async () => {
    const context = await prepare(server(), route);
    const other = await buildUser();
    const before = await snapshotData();

    const attempt = async (label: string, headers: Record<string, string>) => {
      await resetRateLimits();
      // The victim's valid request (its ids, its body) with the token replaced.
      const hostile: RequestContext = {
        ...context,
        owner: { ...context.owner, auth: { Authorization: '' } },
        headers: { ...context.headers, ...headers },
      };
      const res = await send(route, sampleOf(route), hostile);
      tally.count('tokens', res.status);
      expectRefusal(route, label, { status: 401, code: 'UNAUTHENTICATED' }, res);
    };
    for (const [label, make] of Object.entries(TOKENS)) {
      if (isFirst || COMMON.includes(label)) {
        await attempt(label, { Authorization: `Bearer ${make(context.owner, other)}` });
      }
    }
    for (const [label, make] of Object.entries(HEADERS)) {
      if (isFirst || label === 'no header') {
        await attempt(label, make(context.owner));
      }
    }

    expect(await snapshotData()).toEqual(before);
  });
});

it('accepts the API’s own token, so the 401s above are about the tokens', async () => {
  const user = await buildUser();

  const res = await api().get('/api/auth/me').set('Authorization', `Bearer ${user.token}`);

  expect(res.status).toBe(200);
});

it.each(['bearer', 'BEARER', 'bEaReR'])(
  'reads the scheme in any letter case (RFC 7235): %s',
  async (scheme) => {
    const user = await buildUser();

    const res = await api().get('/api/auth/me').set('Authorization', `${scheme} ${user.token}`);

    expect({ status: res.status, id: res.body.user?.id }).toEqual({
      status: 200,
      id: user.user.id,
    });
  },
);
