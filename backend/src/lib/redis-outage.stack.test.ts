import {
  describeRedisServer,
  removeSnapshot,
  startRedisServer,
  stopRedisServer,
  waitFor,
} from '../test/redis-server';
import { instanceUrl, pm2, registerThroughStack, send, stack } from '../test/stack';

// Stops the stack's Redis while a bounded read load runs against NGINX and both API instances
// (loopback only), then starts it again as scripts/lib.sh did, with the data it had: the stack
// is left as it was found (sessions of other tests included).
const MAX_REQUESTS = 2_000;
const MAX_LOAD_MS = 45_000;
const CONCURRENCY = 4;
const READS_PER_PHASE = 120;

type Phase = 'before' | 'down' | 'recovering' | 'after';

interface Sample {
  phase: Phase;
  status: number;
  cache: string | null;
}

/** Sends reads, `CONCURRENCY` at a time, until stopped or a bound is reached; never throws. */
function startLoad(token: string, paths: string[]) {
  const samples: Sample[] = [];
  const entries = [stack.baseUrl(), instanceUrl(0), instanceUrl(1)];
  const started = Date.now();
  let phase: Phase = 'before';
  let isStopped = false;
  let sent = 0;

  async function worker(): Promise<void> {
    while (!isStopped && sent < MAX_REQUESTS && Date.now() - started < MAX_LOAD_MS) {
      const index = sent;
      sent += 1;
      const sentIn = phase;
      const baseUrl = entries[index % entries.length] as string;
      const path = paths[index % paths.length] as string;
      const res = await send(baseUrl, 'GET', path, { token }).catch(() => null);
      samples.push({
        phase: sentIn,
        status: res?.status ?? 0,
        cache: res?.headers.get('x-cache') ?? null,
      });
    }
  }
  const workers = Promise.all(Array.from({ length: CONCURRENCY }, worker));

  return {
    samples,
    setPhase: (next: Phase) => {
      phase = next;
    },
    /** Waits until `count` more reads have answered (or the load has ended). */
    waitForMore: async (count: number) => {
      const target = samples.length + count;
      await waitFor(() => samples.length >= target || sent >= MAX_REQUESTS, MAX_LOAD_MS);
    },
    stop: async () => {
      isStopped = true;
      await workers;
    },
  };
}

async function redisHealthOf(baseUrl: string): Promise<{ status: number; failing: string[] }> {
  const res = await send(baseUrl, 'GET', '/api/health');

  return { status: res.status, failing: res.body.failing as string[] };
}

async function isRedisFailingEverywhere(): Promise<boolean> {
  const reports = await Promise.all([0, 1].map((index) => redisHealthOf(instanceUrl(index))));

  return reports.every((report) => report.status === 503 && report.failing.includes('redis'));
}

async function isHealthyEverywhere(): Promise<boolean> {
  const reports = await Promise.all([0, 1].map((index) => redisHealthOf(instanceUrl(index))));

  return reports.every((report) => report.status === 200);
}

/** The API processes PM2 runs: their pids and restart counts. */
function apiProcesses(): Array<{ pid: number; restarts: number }> {
  const list = JSON.parse(pm2('jlist')) as Array<{
    name: string;
    pid: number;
    pm2_env: { restart_time: number };
  }>;

  return list
    .filter((entry) => entry.name === 'api')
    .map((entry) => ({ pid: entry.pid, restarts: entry.pm2_env.restart_time }));
}

describe('Redis stopped under load', () => {
  it('answers every read, reports redis in health, and recovers without an API restart', async () => {
    const { token } = await registerThroughStack();
    for (const name of ['Read', 'Walk']) {
      await send(stack.baseUrl(), 'POST', '/api/habits', { token, body: { name } });
    }
    const paths = ['/api/habits', '/api/today?date=2026-03-14', '/api/workouts'];
    const processesBefore = apiProcesses();
    const server = describeRedisServer();
    const load = startLoad(token, paths);
    let written: number | undefined;

    try {
      await load.waitForMore(READS_PER_PHASE);
      stopRedisServer(server, { keepData: true });
      await waitFor(isRedisFailingEverywhere);
      load.setPhase('down');
      await load.waitForMore(READS_PER_PHASE);
      written = (
        await send(stack.baseUrl(), 'POST', '/api/habits', { token, body: { name: 'Stretch' } })
      ).status;
    } finally {
      load.setPhase('recovering');
      startRedisServer(server);
    }
    await waitFor(isHealthyEverywhere, 20_000);
    removeSnapshot(server);
    load.setPhase('after');
    await load.waitForMore(READS_PER_PHASE);
    await load.stop();

    const { samples } = load;
    // No 5xx, no network error (status 0), nothing but 200 in any phase.
    expect(samples.filter((sample) => sample.status !== 200)).toEqual([]);
    const down = samples.filter((sample) => sample.phase === 'down');
    expect(down.length).toBeGreaterThanOrEqual(READS_PER_PHASE);
    expect(new Set(down.map((sample) => sample.cache))).toEqual(new Set(['BYPASS']));
    expect(samples.some((s) => s.phase === 'before' && s.cache === 'HIT')).toBe(true);
    expect(samples.some((s) => s.phase === 'after' && s.cache === 'HIT')).toBe(true);
    expect(written).toBe(201);
    for (const index of [0, 1]) {
      const list = await send(instanceUrl(index), 'GET', '/api/habits', { token });
      expect(list.body.items.map((habit: { name: string }) => habit.name)).toEqual([
        'Read',
        'Walk',
        'Stretch',
      ]);
    }
    expect(apiProcesses()).toEqual(processesBefore);
  });
});
