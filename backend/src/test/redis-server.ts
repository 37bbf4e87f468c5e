// Stops and restarts the test Redis (the same one the whole stack uses), for fault and stack tests
// that run one file at a time. It is started again exactly as scripts/lib.sh started it: the
// settings are read back from the running server.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

export interface RedisServer {
  port: string;
  dir: string;
  logfile: string;
  pidfile: string;
  appendonly: string;
}

function cli(port: string, ...args: string[]): string {
  return execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', port, ...args], {
    encoding: 'utf8',
  }).trim();
}

function configValue(port: string, name: string): string {
  return cli(port, 'config', 'get', name).split('\n')[1] ?? '';
}

/** The running test Redis (REDIS_URL, set by test/env.ts), as it was started. */
export function describeRedisServer(): RedisServer {
  const port = new URL(process.env.REDIS_URL ?? '').port;

  return {
    port,
    dir: configValue(port, 'dir'),
    logfile: configValue(port, 'logfile'),
    pidfile: configValue(port, 'pidfile'),
    appendonly: configValue(port, 'appendonly'),
  };
}

/**
 * Stops Redis. With `keepData` it first writes its data to disk, so that it comes back with it,
 * as a production Redis with persistence would (or as if the network, not Redis, had failed).
 */
export function stopRedisServer(server: RedisServer, { keepData = false } = {}): void {
  cli(server.port, 'shutdown', keepData ? 'save' : 'nosave');
}

export function startRedisServer(server: RedisServer): void {
  execFileSync('redis-server', [
    '--bind',
    '127.0.0.1',
    '--port',
    server.port,
    '--daemonize',
    'yes',
    '--pidfile',
    server.pidfile,
    '--dir',
    server.dir,
    ...(server.logfile ? ['--logfile', server.logfile] : []),
    '--appendonly',
    server.appendonly || 'no',
    '--save',
    '',
  ]);
}

/** Removes the snapshot `keepData` wrote, so no later restart loads it again. */
export function removeSnapshot(server: RedisServer): void {
  rmSync(path.join(server.dir, 'dump.rdb'), { force: true });
}

/** Pauses every client's commands for `ms` (Redis hangs, the connections stay open). */
export function pauseRedisClients(server: RedisServer, ms: number): void {
  cli(server.port, 'client', 'pause', String(ms), 'all');
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
