// Helpers for *.stack.test.ts: tests that drive the whole stack scripts/test.sh started (NGINX in
// front of the PM2 API cluster, the embedded database and Redis), as an ops engineer would.
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

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
  logDir: () => required('STACK_LOG_DIR'),
  dataDir: () => required('STACK_DATA_DIR'),
  dbPort: () => Number(required('STACK_DB_PORT')),
  webPort: () => Number(required('STACK_WEB_PORT')),
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

/**
 * The same, without blocking: a test that drives load while PM2 works must keep its event loop
 * free (a synchronous call would pause the load for as long as `pm2 reload` takes).
 */
export async function pm2Async(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npx', ['--no-install', 'pm2', ...args], {
    cwd: stack.root(),
    env: { ...process.env, PM2_HOME: path.join(stack.runDir(), 'pm2') },
    encoding: 'utf8',
  });

  return stdout;
}

/**
 * Reloads the API the way `npm start` and the deploy script do: `pm2 startOrReload` on the
 * process file with `--update-env`, in the environment scripts/lib.sh gives the API.
 */
export async function reloadApiLikeDeploy(): Promise<void> {
  const command =
    'source scripts/lib.sh && export_api_env && ' +
    'npx --no-install pm2 startOrReload ecosystem.config.js --only api --update-env';
  await promisify(execFile)('bash', ['-c', command], {
    cwd: stack.root(),
    env: { ...process.env, PM2_HOME: path.join(stack.runDir(), 'pm2') },
  });
}

export interface Pm2Instance {
  pid: number;
  status: string;
  restarts: number;
  instance: number;
}

/** The API's PM2 workers, in instance order. */
export async function apiInstances(): Promise<Pm2Instance[]> {
  const list = JSON.parse(await pm2Async('jlist')) as Array<{
    name: string;
    pid: number;
    pm2_env: { status: string; restart_time: number; NODE_APP_INSTANCE?: number };
  }>;

  return list
    .filter((app) => app.name === 'api')
    .map((app) => ({
      pid: app.pid,
      status: app.pm2_env.status,
      restarts: app.pm2_env.restart_time,
      instance: Number(app.pm2_env.NODE_APP_INSTANCE ?? 0),
    }))
    .sort((a, b) => a.instance - b.instance);
}

/** Polls until `check` returns true; throws naming `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const attempt = async () => {
    try {
      return await check();
    } catch {
      return false;
    }
  };
  while (!(await attempt())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Whether every API instance answers readiness 200 on its own port. */
export async function allInstancesReady(): Promise<boolean> {
  const answers = await Promise.all(
    stack.apiPorts().map((port) =>
      fetch(`http://127.0.0.1:${port}/api/health/ready`, {
        signal: AbortSignal.timeout(2000),
      }).then((res) => res.status),
    ),
  );

  return answers.every((status) => status === 200);
}

/** Writes a figure a stack test measured where a person running `npm test` sees it. */
export function report(line: string): void {
  process.stdout.write(`  [stack figure] ${line}\n`);
}

let userCount = 0;

export const STACK_PASSWORD = 'a long enough stack password';

async function postJson(path: string, body: object): Promise<Response> {
  return fetch(`${stack.baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Signs in through NGINX and returns a fresh access token. */
export async function loginThroughStack(email: string, password = STACK_PASSWORD): Promise<string> {
  const res = await postJson('/api/auth/login', { email, password });
  if (res.status !== 200) {
    throw new Error(`login answered ${res.status}: ${await res.text()}`);
  }

  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Registers a fresh user through NGINX, signs in, and returns its access token. */
export async function registerThroughStack(): Promise<{ email: string; token: string }> {
  userCount += 1;
  const email = `stack${userCount}.${Date.now()}.${process.pid}@example.test`;
  const res = await postJson('/api/auth/register', { email, password: STACK_PASSWORD });
  if (res.status !== 202) {
    throw new Error(`register answered ${res.status}: ${await res.text()}`);
  }

  return { email, token: await loginThroughStack(email) };
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
