// Faults for *.stack.test.ts: kill an API instance, kill the database, restart Redis, in the
// stack scripts/test.sh started, and wait until it is whole again. Everything stays on loopback;
// each helper leaves the stack as it found it.
import {
  describeRedisServer,
  removeSnapshot,
  startRedisServer,
  stopRedisServer,
} from './redis-server';
import { allInstancesReady, apiInstances, stack, waitUntil, type Pm2Instance } from './stack';
import { databasePid, startDatabase } from './stack-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers200(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });

  return res.status === 200;
}

/** Until every API instance is online and ready, and NGINX answers health 200. */
export async function waitUntilStackIsWhole(timeoutMs = 60_000): Promise<void> {
  await waitUntil(
    'the stack to be whole again',
    async () => {
      const instances = await apiInstances();

      return (
        instances.length === stack.apiPorts().length &&
        instances.every((instance) => instance.status === 'online') &&
        (await allInstancesReady()) &&
        (await answers200(`${stack.baseUrl()}/api/health`))
      );
    },
    timeoutMs,
  );
}

/** SIGKILLs one API instance (no draining, as an out-of-memory kill would); PM2 starts another. */
export async function killApiInstance(instance: number): Promise<Pm2Instance> {
  const target = (await apiInstances()).find((entry) => entry.instance === instance);
  if (!target) {
    throw new Error(`no API instance ${instance} in PM2`);
  }
  process.kill(target.pid, 'SIGKILL');

  return target;
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
 * Kills the embedded database with SIGKILL (no clean shutdown, as a crash would), waits
 * `downMs`, and starts it again on the same data, as scripts/lib.sh start_database does.
 */
export async function killDatabase(downMs: number): Promise<void> {
  const pid = databasePid();
  process.kill(pid, 'SIGKILL');
  await waitUntil('the database to die', () => !isAlive(pid), 10_000);
  await sleep(downMs);
  await startDatabase();
}

/**
 * Shuts Redis down, waits `downMs`, and starts it again as scripts/lib.sh did. Its data is saved
 * first and loaded again, as a production Redis with persistence would.
 */
export async function restartRedis(downMs: number): Promise<void> {
  const server = describeRedisServer();
  stopRedisServer(server, { keepData: true });
  try {
    await sleep(downMs);
  } finally {
    startRedisServer(server);
  }
  await waitUntil('Redis to be back', () => answers200(`${stack.baseUrl()}/api/health`));
  removeSnapshot(server);
}
