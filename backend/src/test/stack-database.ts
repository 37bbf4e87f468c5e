import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

import { waitUntil, stack } from './stack';

// Stops and starts the stack's embedded database exactly as scripts/lib.sh does
// (start_database, stop_pidfile), so a stack test can take it away and bring it back.

const pidFile = () => path.join(stack.runDir(), 'ferretdb.pid');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export function databasePid(): number {
  return Number(readFileSync(pidFile(), 'utf8').trim());
}

/** SIGTERM, then SIGKILL after 10 s, as stop_pidfile does. */
export async function stopDatabase(): Promise<void> {
  const pid = databasePid();
  process.kill(pid, 'SIGTERM');
  await waitUntil('the database to exit', () => !isAlive(pid), 10_000).catch(() => {
    process.kill(pid, 'SIGKILL');
  });
  await waitUntil('the database port to close', async () => !(await portAnswers(stack.dbPort())));
}

/** Starts FerretDB on the same port and state folder, appending to the same log. */
export async function startDatabase(): Promise<void> {
  const root = stack.root();
  const log = openSync(path.join(stack.logDir(), 'ferretdb.log'), 'a');
  const child = spawn(
    path.join(root, 'tools/ferretdb/bin/ferretdb'),
    [
      '-listen-addr',
      `127.0.0.1:${stack.dbPort()}`,
      '-state-dir',
      `${path.join(stack.dataDir(), 'ferretdb')}/`,
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  child.unref();
  closeSync(log);
  writeFileSync(pidFile(), `${child.pid}\n`);
  await waitUntil('the database port', () => portAnswers(stack.dbPort()), 10_000);
}

export async function isDatabaseRunning(): Promise<boolean> {
  return isAlive(databasePid()) && (await portAnswers(stack.dbPort()));
}
