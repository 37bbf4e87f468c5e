// The seed's cache design beside ours, on the same Redis holding a million cache entries.
//
// Ours: every write moves the user's generation number on (one INCR); old entries are never looked
// for, they just expire. The seed's: a write deletes the user's entries found with
// `KEYS <prefix>cache:user:<id>:*`. KEYS walks the whole keyspace while Redis serves nobody else,
// so with a million keys every invalidation stalls every session check, rate-limit count and cache
// lookup of every instance. The seed's invalidator exists only here, in the bench, run against the
// same Redis right after each API write; the API is not changed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

import { quantile, runLoad } from './load.mjs';
import { authHeaders, HABIT_LIST_PATH, pickRandom, warmCache } from './scenarios.mjs';

const FILLER_URLS = [
  '/api/habits?limit=50',
  '/api/today',
  '/api/workouts?limit=20',
  '/api/habits/x',
];
const FILLER_TTL_SECONDS = 3600;
const COMMANDS_PER_CHUNK = 5000;

function respOf(args) {
  let out = `*${args.length}\r\n`;
  for (const arg of args) {
    out += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
  }
  return out;
}

/** Writes `count` cache-shaped keys of other users through `redis-cli --pipe`. */
async function loadFillerKeys({ redisUrl, prefix, count }) {
  const { hostname, port } = new URL(redisUrl);
  const child = spawn('redis-cli', ['-h', hostname, '-p', port || '6379', '--pipe'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const finished = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`redis-cli exited ${code}: ${output}`)),
    );
  });

  const body = `"${'e'.repeat(43)}"\n{"items":[{"id":"filler","name":"Someone else's habit","color":"#4f46e5"}],"nextCursor":null}`;
  for (let i = 0; i < count; i += COMMANDS_PER_CHUNK) {
    let chunk = '';
    for (let j = i; j < Math.min(count, i + COMMANDS_PER_CHUNK); j += 1) {
      const user = `f${Math.floor(j / FILLER_URLS.length)
        .toString(16)
        .padStart(23, '0')}`;
      const url = FILLER_URLS[j % FILLER_URLS.length];
      chunk += respOf([
        'SET',
        `${prefix}cache:user:${user}:v0.0:${url}`,
        body,
        'EX',
        String(FILLER_TTL_SECONDS),
      ]);
    }
    if (!child.stdin.write(chunk)) {
      await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
  }
  child.stdin.end();
  await finished;
  const errors = Number(/errors:\s*(\d+)/.exec(output)?.[1] ?? NaN);
  if (errors !== 0) {
    throw new Error(`redis-cli --pipe reported errors: ${output.trim()}`);
  }
}

function connectRedis(root, redisUrl) {
  const requireFromBackend = createRequire(path.join(root, 'backend', 'package.json'));
  const Redis = requireFromBackend('ioredis');
  return new (Redis.default ?? Redis)(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
}

/** The seed's invalidation of one user's entries: KEYS by pattern, then DEL what it found. */
async function seedDesignInvalidate(redis, prefix, userId) {
  const started = performance.now();
  const keys = await redis.keys(`${prefix}cache:user:${userId}:*`);
  const keysMs = performance.now() - started;
  if (keys.length > 0) {
    await redis.del(...keys);
  }
  return { keysMs, deleted: keys.length };
}

/**
 * While `isRunning()`, writes about `rate` times a second through the API (a habit description
 * of a random user) and, for the seed's design, invalidates that user's entries with KEYS.
 */
async function writeWhile(ctx, { rate, isRunning, redis, prefix, isSeedDesign }) {
  const writes = { count: 0, failed: 0, keysMs: [], deletedKeys: 0 };
  const interval = 1000 / rate;
  let flip = 0;
  while (isRunning()) {
    const started = Date.now();
    const user = pickRandom(ctx.users);
    flip += 1;
    const response = await ctx.http.send(`/api/habits/${user.habitIds[0]}`, {
      method: 'PATCH',
      token: user.token,
      body: { description: `changed ${flip % 2}` },
    });
    writes.count += 1;
    if (response.status !== 200) {
      writes.failed += 1;
    }
    if (isSeedDesign) {
      const { keysMs, deleted } = await seedDesignInvalidate(redis, prefix, user.id);
      writes.keysMs.push(keysMs);
      writes.deletedKeys += deleted;
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, interval - (Date.now() - started))),
    );
  }
  const sorted = writes.keysMs.sort((a, b) => a - b);
  return {
    count: writes.count,
    failed: writes.failed,
    ...(isSeedDesign
      ? {
          keysMedianMs: round1(quantile(sorted, 0.5)),
          keysMaxMs: round1(sorted[sorted.length - 1] ?? null),
          deletedKeys: writes.deletedKeys,
        }
      : {}),
  };
}

async function readWhileWriting(ctx, { writer, redis, prefix }) {
  const cacheWarmed = await warmCache(
    ctx,
    ctx.users.map((user) => ({ user, path: HABIT_LIST_PATH })),
  );
  let running = true;
  await ctx.renewSessions();
  const reads = runLoad({
    baseUrl: ctx.baseUrl,
    connections: 50,
    duration: ctx.options.duration,
    warmup: ctx.options.warmup,
    processes: ctx.processes,
    pick: () => ({
      category: 'cached read',
      path: HABIT_LIST_PATH,
      headers: authHeaders(pickRandom(ctx.users)),
    }),
  }).finally(() => {
    running = false;
  });
  const writes = writer
    ? writeWhile(ctx, { ...writer, redis, prefix, isRunning: () => running })
    : Promise.resolve(null);
  const [figures, writeFigures] = await Promise.all([reads, writes]);
  return { ...figures, cacheWarmed, writes: writeFigures };
}

export async function runInvalidation(ctx) {
  const id = 'invalidation';
  const title = `Cached reads while writes invalidate, ${ctx.options.keys.toLocaleString('en')} keys in Redis`;
  const probe = await ctx.http.send(HABIT_LIST_PATH, { token: ctx.users[0].token });
  if (!probe.headers.get('x-cache')) {
    return {
      id,
      title,
      status: 'skipped',
      reason: 'no X-Cache header: the response cache is not on this build',
    };
  }

  const prefix = process.env.REDIS_KEY_PREFIX || 'hg:';
  const redis = connectRedis(ctx.root, process.env.REDIS_URL);
  try {
    const ownKeys = await redis.keys(`${prefix}cache:user:${ctx.users[0].id}:*`);
    if (ownKeys.length === 0) {
      return {
        id,
        title,
        status: 'skipped',
        reason: `no cache entry under ${prefix}cache:user:<id>:*: the cache key layout changed`,
      };
    }
    const started = performance.now();
    await loadFillerKeys({ redisUrl: process.env.REDIS_URL, prefix, count: ctx.options.keys });
    const loadSeconds = round1((performance.now() - started) / 1000);
    const keysInRedis = await redis.dbsize();
    const memory = /used_memory_human:(\S+)/.exec(await redis.info('memory'))?.[1];

    const rate = ctx.options.writeRate;
    const runs = {
      withoutWrites: await readWhileWriting(ctx, { writer: null, redis, prefix }),
      ours: await readWhileWriting(ctx, { writer: { rate, isSeedDesign: false }, redis, prefix }),
      seedDesign: await readWhileWriting(ctx, {
        writer: { rate, isSeedDesign: true },
        redis,
        prefix,
      }),
    };
    const base = runs.withoutWrites.p99;
    return {
      id,
      title,
      status: 'ok',
      keysInRedis,
      redisMemory: memory,
      fillerLoadSeconds: loadSeconds,
      writesPerSecond: rate,
      runs,
      oursP99VsWithoutWrites: base ? round2(runs.ours.p99 / base) : null,
      seedDesignP99VsWithoutWrites: base ? round2(runs.seedDesign.p99 / base) : null,
    };
  } finally {
    redis.disconnect();
  }
}

function round1(value) {
  return value === null ? null : Math.round(value * 10) / 10;
}

function round2(value) {
  return Math.round(value * 100) / 100;
}
