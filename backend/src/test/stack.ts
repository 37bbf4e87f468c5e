// Helpers for *.stack.test.ts: tests that drive the whole stack scripts/test.sh started (NGINX in
// front of the PM2 API cluster, the embedded database and Redis), as an ops engineer would.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: stack tests run from scripts/test.sh (npm test)`);
  }

  return value;
}

export const stack = {
  baseUrl: () => required('STACK_BASE_URL'),
  runDir: () => required('STACK_RUN_DIR'),
  root: () => required('STACK_ROOT'),
  /** The ports of the API instances, one per PM2 cluster worker. */
  apiPorts: () => {
    const first = Number(required('STACK_API_PORT'));
    const count = Number(required('STACK_API_INSTANCES'));

    return Array.from({ length: count }, (_, index) => first + index);
  },
};

/** Runs the project's pm2 against this stack's PM2 daemon. */
export function pm2(...args: string[]): string {
  return execFileSync('npx', ['--no-install', 'pm2', ...args], {
    cwd: stack.root(),
    env: { ...process.env, PM2_HOME: path.join(stack.runDir(), 'pm2') },
    encoding: 'utf8',
  });
}

let userCount = 0;

/** Registers a fresh user through NGINX and returns its access token. */
export async function registerThroughStack(): Promise<{ email: string; token: string }> {
  userCount += 1;
  const email = `stack${userCount}.${Date.now()}.${process.pid}@example.test`;
  const res = await fetch(`${stack.baseUrl()}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'a long enough stack password' }),
  });
  if (res.status !== 201) {
    throw new Error(`register answered ${res.status}: ${await res.text()}`);
  }
  const body = (await res.json()) as { accessToken: string };

  return { email, token: body.accessToken };
}

/** The base URL of one API instance, straight to its port (no NGINX): index 0, 1, … */
export function instanceUrl(index: number): string {
  const port = stack.apiPorts()[index];
  if (port === undefined) {
    throw new Error(`the stack has no API instance ${index}`);
  }

  return `http://127.0.0.1:${port}`;
}

export interface StackResponse {
  status: number;
  headers: Headers;
  // Whatever JSON the API answered; tests assert on it.
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

interface RequestOptions {
  token?: string;
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request to the stack (NGINX or an instance), with the JSON body parsed when there is one. */
export async function send(
  baseUrl: string,
  method: string,
  path: string,
  { token, cookie, body, headers = {} }: RequestOptions = {},
): Promise<StackResponse> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();

  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** The `hg_refresh=...` pair of a response's refresh cookie, or null when it sets none. */
export function refreshCookieOf(res: StackResponse): string | null {
  const cookie = res.headers.getSetCookie().find((value) => value.startsWith('hg_refresh='));

  return cookie ? (cookie.split(';')[0] as string) : null;
}

/** The API's Redis key prefix on the stack (scripts/lib.sh leaves REDIS_KEY_PREFIX unset). */
export const STACK_REDIS_KEY_PREFIX = 'hg:';
