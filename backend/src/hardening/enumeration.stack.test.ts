import bcrypt from 'bcryptjs';

import { instanceUrl, send, STACK_PASSWORD } from '../test/stack';
import { createTally } from '../test/tally';

// Figures, not assertions on time (timed assertions flake on shared machines): how long a bcrypt
// hash takes at the production cost, and how long registration and login take for an email that
// has an account against one that has none, on an API instance running as in production.
// Whether the two paths can be told apart is asserted elsewhere by counting bcrypt operations
// (auth/password.test.ts); these figures show what the counting means in time.
const SAMPLES = 4;
const PRODUCTION_COST = 12;

const tally = createTally('enumeration');

afterAll(() => tally.save());

let addressCount = 0;
/** Straight to one instance, with a client address of its own, so no limit answers instead. */
async function timed(
  path: string,
  body: object,
): Promise<{ ms: number; status: number; body: unknown }> {
  addressCount += 1;
  const started = performance.now();
  const res = await send(instanceUrl(0), 'POST', path, {
    body,
    headers: { 'X-Forwarded-For': `203.0.113.${addressCount % 250}` },
  });

  return { ms: performance.now() - started, status: res.status, body: res.body };
}

/** Accounts that exist, registered straight to an instance (no sign-in: no extra bcrypt). */
const accounts: string[] = [];

beforeAll(async () => {
  for (let index = 0; index < SAMPLES; index += 1) {
    const email = `registered.${index}.${Date.now()}@example.test`;
    const res = await timed('/api/auth/register', { email, password: STACK_PASSWORD });
    expect(res.status).toBe(202);
    accounts.push(email);
  }
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function figure(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);

  return `median ${median(values).toFixed(0)} ms (min ${sorted[0]?.toFixed(0)}, max ${sorted[sorted.length - 1]?.toFixed(0)}, n=${values.length})`;
}

it('measures a bcrypt hash at cost 12', async () => {
  const times: number[] = [];
  for (let sample = 0; sample < 5; sample += 1) {
    const started = performance.now();
    await bcrypt.hash('velvet lantern orbit quietly', PRODUCTION_COST);
    times.push(performance.now() - started);
  }

  tally.figure('bcrypt hash, cost 12', figure(times));
  expect(times).toHaveLength(5);
});

it('measures registration of a new and of a registered email: same answer, similar time', async () => {
  const fresh: number[] = [];
  const taken: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const password = 'maple kettle harbour drift';
    const newOne = await timed('/api/auth/register', {
      email: `timing.${sample}.${Date.now()}@example.test`,
      password,
    });
    const existing = await timed('/api/auth/register', {
      email: accounts[sample],
      password,
    });
    expect({ status: existing.status, body: existing.body }).toEqual({
      status: newOne.status,
      body: newOne.body,
    });
    fresh.push(newOne.ms);
    taken.push(existing.ms);
  }

  tally.figure('register, new email', figure(fresh));
  tally.figure('register, registered email', figure(taken));
});

it('measures login with an unknown email and with a wrong password: same answer, similar time', async () => {
  const unknown: number[] = [];
  const wrong: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const noAccount = await timed('/api/auth/login', {
      email: `nobody.${sample}.${Date.now()}@example.test`,
      password: `${STACK_PASSWORD} but wrong`,
    });
    const wrongPassword = await timed('/api/auth/login', {
      email: accounts[sample],
      password: `${STACK_PASSWORD} but wrong`,
    });
    expect([noAccount.status, wrongPassword.status]).toEqual([401, 401]);
    unknown.push(noAccount.ms);
    wrong.push(wrongPassword.ms);
  }

  tally.figure('login, unknown email', figure(unknown));
  tally.figure('login, wrong password', figure(wrong));
});
