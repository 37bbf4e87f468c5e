import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

import { stack, waitUntil } from '../test/stack';

/** Every file under the stack's log folder, gzipped archives unpacked, as one text each. */
function readLogs(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      readLogs(file).forEach((text, nested) => texts.set(nested, text));
      continue;
    }
    const raw = readFileSync(file);
    texts.set(file, (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  }

  return texts;
}

function refreshCookieOf(res: Response): string {
  const cookie = res.headers.getSetCookie().find((line) => line.startsWith('hg_refresh='));
  const value = cookie?.split(';')[0]?.slice('hg_refresh='.length);
  if (!value) {
    throw new Error('no refresh cookie in the response');
  }

  return value;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stack.baseUrl()}${url}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('log files after requests that carry secrets', () => {
  it('hold none of the passwords, bearer tokens or refresh cookies', async () => {
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const wrongPassword = `wrong-${randomBytes(12).toString('hex')}`;
    const email = `secrets.${Date.now()}@example.test`;
    const secrets: string[] = [password, wrongPassword];

    const registered = await post('/api/auth/register', { email, password });
    expect(registered.status).toBe(202);
    const loggedIn = await post('/api/auth/login', { email, password });
    expect(loggedIn.status).toBe(200);
    expect((await post('/api/auth/login', { email, password: wrongPassword })).status).toBe(401);
    const { accessToken } = (await loggedIn.json()) as { accessToken: string };
    const refreshToken = refreshCookieOf(loggedIn);
    secrets.push(
      accessToken,
      refreshToken,
      ((await registered.json()) as { accessToken: string }).accessToken,
    );

    const me = await fetch(`${stack.baseUrl()}/api/auth/me`, {
      headers: { Authorization: `Bearer ${accessToken}`, Cookie: `hg_refresh=${refreshToken}` },
    });
    expect(me.status).toBe(200);
    const refreshed = await post('/api/auth/refresh', {}, { Cookie: `hg_refresh=${refreshToken}` });
    expect(refreshed.status).toBe(200);
    secrets.push(
      refreshCookieOf(refreshed),
      ((await refreshed.json()) as { accessToken: string }).accessToken,
    );
    // A refresh token presented again after rotation, and a malformed bearer token.
    expect(
      (await post('/api/auth/refresh', {}, { Cookie: `hg_refresh=${refreshToken}` })).status,
    ).toBe(200);
    const badBearer = `${accessToken.slice(0, -4)}AAAA`;
    const rejected = await fetch(`${stack.baseUrl()}/api/auth/me`, {
      headers: { Authorization: `Bearer ${badBearer}` },
    });
    expect(rejected.status).toBe(401);
    secrets.push(badBearer);

    // The last request's id shows when the API's files hold everything sent before it.
    const marker = `logcheck-${randomBytes(8).toString('hex')}`;
    await fetch(`${stack.baseUrl()}/api/auth/me`, {
      headers: { Authorization: `Bearer ${accessToken}`, 'X-Request-Id': marker },
    });
    const combinedHasMarker = () =>
      [...readLogs(stack.logDir())].some(
        ([file, text]) => path.basename(file).startsWith('combined-') && text.includes(marker),
      );
    await waitUntil('the request log lines to reach the files', combinedHasMarker, 10_000);

    const logs = readLogs(stack.logDir());
    const leaks = [...logs].flatMap(([file, text]) =>
      secrets
        .filter((secret) => text.includes(secret))
        .map((secret) => `${file}: ${secret.slice(0, 8)}…`),
    );
    expect(leaks).toEqual([]);
    // The search covered real request lines: the login is there, with its id and route.
    const loginLine = [...logs.values()]
      .flatMap((text) => text.split('\n'))
      .find((line) => line.includes(marker) && line.includes('request finished'));
    expect(JSON.parse(loginLine ?? '{}')).toMatchObject({
      requestId: marker,
      method: 'GET',
      route: '/api/auth/me',
      status: 200,
      userId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });
});
