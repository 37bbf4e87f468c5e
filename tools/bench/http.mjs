// Small HTTP helpers for the bench's own set-up calls (not the measured load): JSON in and out,
// bearer tokens, and the refresh cookie of a login.
export const REFRESH_COOKIE = 'hg_refresh';

// What a browser sends; the API compresses responses over 1 kB for it, as it does for people.
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export class HttpClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Sends one request; answers { status, headers, body } with body parsed when it is JSON. */
  async send(path, { method = 'GET', token, body, headers = {}, timeoutMs = 30_000 } = {}) {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');

    return {
      status: response.status,
      headers: response.headers,
      body: isJson && text ? JSON.parse(text) : text,
    };
  }

  /** Like send, but throws unless the status is the expected one. */
  async expect(status, path, options) {
    const response = await this.send(path, options);
    if (response.status !== status) {
      const detail =
        typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      throw new Error(
        `${options?.method ?? 'GET'} ${path} answered ${response.status}: ${detail.slice(0, 300)}`,
      );
    }
    return response;
  }

  /** Signs in through the API: the access token and the refresh cookie's value. */
  async login(email, password) {
    const response = await this.expect(200, '/api/auth/login', {
      method: 'POST',
      body: { email, password },
      headers: { 'User-Agent': 'habit-gym bench' },
    });
    const cookie = response.headers
      .getSetCookie()
      .find((line) => line.startsWith(`${REFRESH_COOKIE}=`));

    return {
      token: response.body.accessToken,
      userId: response.body.user.id,
      refreshToken: cookie ? cookie.slice(REFRESH_COOKIE.length + 1).split(';')[0] : null,
      signedInAt: Date.now(),
    };
  }
}

/**
 * Renews a session with its refresh cookie (no password check): a new access token and the
 * rotated refresh token. Access tokens live 15 minutes, less than a slow full run.
 */
export async function refreshSession(http, session) {
  const response = await http.expect(200, '/api/auth/refresh', {
    method: 'POST',
    headers: { Cookie: `${REFRESH_COOKIE}=${session.refreshToken}` },
  });
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith(`${REFRESH_COOKIE}=`));

  return {
    token: response.body.accessToken,
    refreshToken: cookie
      ? cookie.slice(REFRESH_COOKIE.length + 1).split(';')[0]
      : session.refreshToken,
    signedInAt: Date.now(),
  };
}

/** Runs fn over items with at most `limit` running at once. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}
