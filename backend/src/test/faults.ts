// Faults for *.stack.test.ts: kill an API instance, restart the database or Redis of the stack
// scripts/test.sh started, and wait until it is whole again. Everything stays on loopback, and
// each helper leaves the stack as it found it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  describeRedisServer,
  removeSnapshot,
  startRedisServer,
  stopRedisServer,
  waitFor,
} from './redis-server';
import { apiProcesses, instanceUrl, stack, type ApiProcess } from './stack';

async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });

    return res.status === 200;
  } catch {
    return false;
  }
}

/** Until every API instance is online and ready, and NGINX reaches them: the stack is whole. */
export async function waitUntilStackIsWhole(timeoutMs = 60_000): Promise<void> {
  const count = stack.apiPorts().length;
  await waitFor(async () => {
    const processes = apiProcesses();
    if (processes.length !== count || processes.some((entry) => entry.status !== 'online')) {
      return false;
    }
    const ready = await Promise.all(
      stack.apiPorts().map((_, index) => answers200(`${instanceUrl(index)}/api/health/ready`)),
    );

    return ready.every(Boolean) && (await answers200(`${stack.baseUrl()}/api/health`));
  }, timeoutMs);
}

/** SIGKILLs one API instance (no draining, as an out-of-memory kill would); PM2 starts another. */
export function killApiInstance(instance: number): ApiProcess {
  const target = apiProcesses().find((entry) => entry.instance === instance);
  if (!target) {
    throw new Error(`no API instance ${instance} in PM2`);
  }
  process.kill(target.pid, 'SIGKILL');

  return target;
}

/** The environment for scripts/lib.sh: this stack's, without the test file's own database. */
function libEnv(): NodeJS.ProcessEnv {
  const { MONGODB_URI: _database, REDIS_URL: _redis, ...env } = process.env;

  return env;
}

/**
 * Kills the embedded database with SIGKILL (no clean shutdown), waits `downMs`, and starts it
 * again the way scripts/lib.sh start_database does, on the same data.
 */
export async function restartDatabase(downMs: number): Promise<void> {
  const pidFile = path.join(stack.runDir(), 'ferretdb.pid');
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  await waitFor(() => !isAlive(pid), 10_000);
  await new Promise((resolve) => setTimeout(resolve, downMs));

  execFileSync('bash', ['-c', 'source scripts/lib.sh && start_database'], {
    cwd: stack.root(),
    env: libEnv(),
    stdio: 'ignore',
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
}

/**
 * Shuts Redis down, waits `downMs`, and starts it again as scripts/lib.sh did. Its data is saved
 * first and loaded again, as a production Redis with persistence would.
 */
export async function restartRedis(downMs: number): Promise<void> {
  const server = describeRedisServer();
  stopRedisServer(server, { keepData: true });
  try {
    await new Promise((resolve) => setTimeout(resolve, downMs));
  } finally {
    startRedisServer(server);
  }
  await waitFor(() => answers200(`${stack.baseUrl()}/api/health`), 30_000);
  removeSnapshot(server);
}
