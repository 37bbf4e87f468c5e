import {
  instanceUrl,
  refreshCookieOf,
  registerThroughStack,
  send,
  stack,
  type StackResponse,
} from '../test/stack';

// Sessions live in Redis, shared by both API instances: a refresh token rotated by one instance
// is spent for the other, and a session ended on one is ended on all.
const PASSWORD = 'a long enough stack password';

async function signIn(email: string): Promise<{ token: string; cookie: string }> {
  const res = await send(stack.baseUrl(), 'POST', '/api/auth/login', {
    body: { email, password: PASSWORD },
  });
  expect(res.status).toBe(200);

  return { token: res.body.accessToken as string, cookie: refreshCookieOf(res) ?? '' };
}

function refresh(baseUrl: string, cookie: string): Promise<StackResponse> {
  return send(baseUrl, 'POST', '/api/auth/refresh', { cookie });
}

function me(baseUrl: string, token: string): Promise<StackResponse> {
  return send(baseUrl, 'GET', '/api/auth/me', { token });
}

describe('POST /api/auth/refresh across instances', () => {
  it('rotates on every refresh; reuse of a spent token ends the whole session everywhere', async () => {
    const { email } = await registerThroughStack();
    const session = await signIn(email);

    const second = await refresh(instanceUrl(0), session.cookie);
    const secondCookie = refreshCookieOf(second) ?? '';
    const third = await refresh(instanceUrl(1), secondCookie);
    const thirdCookie = refreshCookieOf(third) ?? '';
    // The first cookie was replaced two rotations ago: beyond the grace for concurrent tabs.
    const reuse = await refresh(instanceUrl(1), session.cookie);

    expect([second.status, third.status]).toEqual([200, 200]);
    expect(new Set([session.cookie, secondCookie, thirdCookie]).size).toBe(3);
    expect(reuse.status).toBe(401);
    expect((await refresh(instanceUrl(0), thirdCookie)).status).toBe(401);
    expect((await me(instanceUrl(0), third.body.accessToken)).status).toBe(401);
    expect((await me(instanceUrl(1), third.body.accessToken)).status).toBe(401);
  });
});

describe('POST /api/auth/logout-all across instances', () => {
  it('ends every session of the user on both instances', async () => {
    const { email } = await registerThroughStack();
    const laptop = await signIn(email);
    const phone = await signIn(email);
    expect((await me(instanceUrl(1), phone.token)).status).toBe(200);

    const res = await send(instanceUrl(0), 'POST', '/api/auth/logout-all', {
      token: laptop.token,
    });

    expect(res.status).toBe(204);
    for (const session of [laptop, phone]) {
      for (const baseUrl of [instanceUrl(0), instanceUrl(1), stack.baseUrl()]) {
        expect((await me(baseUrl, session.token)).status).toBe(401);
      }
      expect((await refresh(stack.baseUrl(), session.cookie)).status).toBe(401);
    }
  });
});
