import { randomUUID } from 'node:crypto';

import { catalogExerciseId } from '../exercises/seed';
import { killApiInstance, killDatabase, restartRedis, waitUntilStackIsWhole } from '../test/faults';
import {
  instanceUrl,
  registerThroughStack,
  send,
  stack,
  STACK_PASSWORD,
  waitUntil,
} from '../test/stack';
import { createTally } from '../test/tally';

// Writes through NGINX while a piece of the stack fails, by clients that do what ours should:
// retry a write whose answer they did not get, with the same Idempotency-Key, until it is
// answered. Afterwards every write that was acknowledged (a 2xx) must be stored exactly once.
// The load is bounded: a few writers, a fixed number of writes each, a deadline per write.
const WRITERS = 4;
const WRITES_PER_WRITER = 15;
/** A write is retried for this long at most (longer than the idempotency lease of 5 s). */
const WRITE_DEADLINE_MS = 40_000;
const RETRY_PAUSE_MS = 250;
/** The fault starts once this many writes are acknowledged, so it hits writes in flight. */
const ACKNOWLEDGED_BEFORE_FAULT = 12;

const tally = createTally('writes');

afterAll(() => tally.save());

interface Client {
  email: string;
  token: string;
}

interface Outcome {
  marker: string;
  kind: 'habit' | 'workout';
  isAcknowledged: boolean;
  /** The 2xx was a retry answered from an earlier attempt (`Idempotent-Replayed`). */
  isReplayed: boolean;
  /** Answers other than the final 2xx: 5xx, 409 "in progress", network errors (0). */
  failedAnswers: number[];
}

// A catalog exercise: the same id in every database (exercises/seed.ts).
const SQUAT = catalogExerciseId('back-squat').toHexString();

const WRITES = {
  habit: (marker: string) => ({ path: '/api/habits', body: { name: marker } }),
  workout: (marker: string) => ({
    path: '/api/workouts',
    body: {
      startedAt: '2026-06-01T07:00:00Z',
      notes: marker,
      exercises: [{ exerciseId: SQUAT, sets: [{ reps: 5, weight: 100 }] }],
    },
  }),
};

let signIns = 0;

/**
 * Signs in again, straight to an instance from an address of its own: a sign-in that fails
 * during a fault must not count against 127.0.0.1, which the other stack tests' limits share.
 */
async function signInAgain(client: Client): Promise<string> {
  signIns += 1;
  const res = await send(instanceUrl(signIns % 2), 'POST', '/api/auth/login', {
    body: { email: client.email, password: STACK_PASSWORD },
    headers: { 'X-Forwarded-For': `192.0.2.${signIns % 250}` },
  }).catch(() => null);

  return res?.status === 200 ? (res.body.accessToken as string) : client.token;
}

/** One write, retried with its key until a 2xx or a refusal, within the deadline. */
async function write(client: Client, kind: Outcome['kind'], marker: string): Promise<Outcome> {
  const { path, body } = WRITES[kind](marker);
  const key = randomUUID();
  const deadline = Date.now() + WRITE_DEADLINE_MS;
  const failedAnswers: number[] = [];
  while (Date.now() < deadline) {
    const res = await send(stack.baseUrl(), 'POST', path, {
      token: client.token,
      body,
      headers: { 'Idempotency-Key': key },
    }).catch(() => null);
    const status = res?.status ?? 0;
    if (status >= 200 && status < 300) {
      const isReplayed = res?.headers.get('idempotent-replayed') === 'true';

      return { marker, kind, isAcknowledged: true, isReplayed, failedAnswers };
    }
    failedAnswers.push(status);
    if (status === 401) {
      // Sessions may be gone with a restarted Redis: sign in again, as the web app would.
      client.token = await signInAgain(client);
    } else if (status >= 400 && status < 500 && status !== 409 && status !== 429) {
      return { marker, kind, isAcknowledged: false, isReplayed: false, failedAnswers };
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  }

  return { marker, kind, isAcknowledged: false, isReplayed: false, failedAnswers };
}

/** Runs the writers, starts the fault once enough writes are acknowledged, waits for both. */
async function writeThrough(
  scenario: string,
  client: Client,
  fault: () => Promise<void>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const writers = Array.from({ length: WRITERS }, async (_, writer) => {
    for (let index = 0; index < WRITES_PER_WRITER; index += 1) {
      const kind = index % 3 === 2 ? 'workout' : 'habit';
      outcomes.push(await write(client, kind, `${scenario} ${writer}-${index}`));
    }
  });
  const faulted = (async () => {
    await waitUntil(
      'the first writes to be acknowledged',
      () =>
        outcomes.filter((outcome) => outcome.isAcknowledged).length >= ACKNOWLEDGED_BEFORE_FAULT,
      30_000,
    );
    await fault();
  })();
  await Promise.all([...writers, faulted]);

  return outcomes;
}

/** Every marker stored for the user, from every page of both lists. */
async function storedMarkers(client: Client): Promise<string[]> {
  const markers: string[] = [];
  for (const [path, field] of [
    ['/api/habits', 'name'],
    ['/api/workouts', 'notes'],
  ] as const) {
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=100&cursor=${cursor}` : '?limit=100';
      const res = await send(stack.baseUrl(), 'GET', `${path}${query}`, {
        token: client.token,
        headers: { 'Cache-Control': 'no-cache' },
      });
      expect(res.status).toBe(200);
      markers.push(
        ...(res.body.items as Array<Record<string, string>>).map((item) => item[field] as string),
      );
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
  }

  return markers;
}

async function verify(scenario: string, client: Client, outcomes: Outcome[]) {
  const stored = await storedMarkers(client);
  const acknowledged = outcomes.filter((outcome) => outcome.isAcknowledged);
  const copies = (marker: string) => stored.filter((item) => item === marker).length;
  const lost = acknowledged.filter((outcome) => copies(outcome.marker) === 0);
  const duplicates = outcomes.filter((outcome) => copies(outcome.marker) > 1);
  const failedRequests = outcomes.reduce((sum, outcome) => sum + outcome.failedAnswers.length, 0);
  tally.writes({
    scenario,
    acknowledged: acknowledged.length,
    found: acknowledged.length - lost.length,
    lost: lost.length,
    duplicates: duplicates.length,
    failedRequests,
    retried: outcomes.filter((outcome) => outcome.failedAnswers.length > 0).length,
    replayed: outcomes.filter((outcome) => outcome.isReplayed).length,
  });

  expect(outcomes).toHaveLength(WRITERS * WRITES_PER_WRITER);
  expect({ lost: lost.map((o) => o.marker), duplicates: duplicates.map((o) => o.marker) }).toEqual({
    lost: [],
    duplicates: [],
  });
  // Every write got through in the end: the faults are short and clients retry.
  expect(outcomes.filter((outcome) => !outcome.isAcknowledged)).toEqual([]);
}

async function newClient(): Promise<Client> {
  const { email, token } = await registerThroughStack();

  return { email, token };
}

beforeAll(async () => {
  await waitUntilStackIsWhole();
});

describe('writes while the stack fails', () => {
  it('loses and duplicates nothing when an API instance is SIGKILLed mid-write', async () => {
    const client = await newClient();

    const outcomes = await writeThrough('sigkill', client, async () => {
      await killApiInstance(0);
    });
    await waitUntilStackIsWhole();

    await verify('SIGKILL an API instance', client, outcomes);
  });

  it('loses and duplicates nothing when the database is SIGKILLed and started again', async () => {
    const client = await newClient();

    const outcomes = await writeThrough('database', client, () => killDatabase(1_500));
    await waitUntilStackIsWhole();

    await verify('SIGKILL the database', client, outcomes);
  });

  it('loses and duplicates nothing, and keeps reading, when Redis restarts', async () => {
    const client = await newClient();
    const reads: number[] = [];
    let isWriting = true;
    const reader = (async () => {
      while (isWriting) {
        const res = await send(stack.baseUrl(), 'GET', '/api/habits?limit=5', {
          token: client.token,
        }).catch(() => null);
        reads.push(res?.status ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    const outcomes = await writeThrough('redis', client, () => restartRedis(2_000));
    isWriting = false;
    await reader;
    await waitUntilStackIsWhole();

    for (const status of reads) {
      tally.count('reads while Redis restarts', status);
    }
    await verify('restart Redis', client, outcomes);
    expect(reads.length).toBeGreaterThan(0);
    // A read may meet a session lost with Redis (401, the web app signs in again); never a 5xx.
    expect(reads.filter((status) => status >= 500 || status === 0)).toEqual([]);
  });
});
