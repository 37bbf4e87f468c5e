// `npm run bench` after scripts/bench.sh has started the bench stack: seeds the data set, runs the
// scenarios through NGINX, and writes reports/bench-<timestamp>.json and .md. See
// docs/PERFORMANCE.md for what each scenario means.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { measureDatabase } from './database.mjs';
import {
  discoverTodayCalls,
  FALLBACK_TODAY_CALLS,
  measureFirstLoadJs,
  runLighthouse,
} from './frontend.mjs';
import { HttpClient, mapLimit, refreshSession } from './http.mjs';
import { runInvalidation } from './invalidation.mjs';
import { HELP, readOptions } from './options.mjs';
import { findStackProcesses, rssMbOf, waitForQuiet } from './procstat.mjs';
import { evaluateTargets, noiseOf, renderMarkdown } from './report.mjs';
import {
  findRangeEndpoints,
  runAnchors,
  runCachedList,
  runHistory,
  runMix,
  runStats,
  runTodayPage,
  runUncachedList,
  todayOf,
  warmCache,
} from './scenarios.mjs';
import {
  BENCH_PASSWORD,
  checkShapes,
  loadBackend,
  PROBE_HABIT,
  seedUsers,
  workoutBodyOf,
} from './seed.mjs';

const started = Date.now();

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`bench ${seconds}s  ${message}\n`);
}

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the bench with npm run bench (scripts/bench.sh)`);
  }
  return value;
}

function describeMachine() {
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

function gitCommit(root) {
  try {
    const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

/** Writes through the API once per collection, so the seed's documents can be compared with them. */
async function writeShapeProbe(http, backend) {
  const email = `bench.probe.${Date.now()}@example.test`;
  // Registration answers 202 alike for a new and a taken email; the session comes from login.
  await http.expect(202, '/api/auth/register', {
    method: 'POST',
    body: { email, password: BENCH_PASSWORD, name: 'Bench Probe', timezone: 'Europe/Berlin' },
  });
  const { token, userId } = await http.login(email, BENCH_PASSWORD);
  const habit = await http.expect(201, '/api/habits', {
    method: 'POST',
    token,
    body: { ...PROBE_HABIT, description: 'written by the API' },
  });
  const today = new Date().toISOString().slice(0, 10);
  const completion = await http.expect(200, `/api/habits/${habit.body.id}/completions/${today}`, {
    method: 'PUT',
    token,
    body: { value: 6, note: 'probe' },
  });
  const workout = await http.expect(201, '/api/workouts', {
    method: 'POST',
    token,
    body: workoutBodyOf(backend, new Date(Date.now() - 3_600_000)),
  });
  return {
    users: userId,
    habits: habit.body.id,
    completions: { habitId: completion.body.habitId, date: completion.body.date },
    workouts: workout.body.id,
  };
}

async function signIn(http, users) {
  // Logins cost a bcrypt check each (cost 12 in production): two at a time, one per API instance.
  await mapLimit(users, 2, async (user) => {
    Object.assign(user, await http.login(user.email, BENCH_PASSWORD), { today: todayOf(user) });
  });
}

const TOKEN_RENEWAL_MS = 8 * 60 * 1000;

/**
 * Renews the sessions older than 8 minutes, before their 15-minute access tokens expire: one load
 * with its warm-up and drain can take several minutes when the database has a backlog.
 */
async function renewOldSessions(http, users) {
  const old = users.filter((user) => Date.now() - user.signedInAt > TOKEN_RENEWAL_MS);
  await mapLimit(old, 2, async (user) => Object.assign(user, await refreshSession(http, user)));
}

async function guard(title, id, fn) {
  try {
    return await fn();
  } catch (error) {
    log(`${id} failed: ${error.stack ?? error}`);
    return {
      id,
      title,
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const root = requireEnv('BENCH_ROOT');
  const baseUrl = requireEnv('BENCH_BASE_URL');
  const browserUrl = requireEnv('BENCH_BROWSER_URL');
  const runDir = requireEnv('BENCH_RUN_DIR');
  const startedAt = new Date().toISOString();
  const http = new HttpClient(baseUrl);
  const results = {
    startedAt,
    machine: describeMachine(),
    commit: gitCommit(root),
    options,
    scenarios: [],
  };
  const wants = (name) => options.only.includes(name);

  log(`seeding ${options.users} users × ${options.habits} habits × ${options.days} days`);
  const backend = loadBackend(root);
  await backend.mongoose.connect(requireEnv('MONGODB_URI'));
  const seedStarted = Date.now();
  const seed = await seedUsers(backend, options);
  const statsSeed = await seedUsers(backend, {
    users: 1,
    habits: 2,
    days: 0,
    seed: 7,
    emailPrefix: 'bench.stats',
  });
  results.seed = {
    counts: seed.counts,
    seconds: Math.round((Date.now() - seedStarted) / 100) / 10,
  };
  log(`seeded ${JSON.stringify(seed.counts)} in ${results.seed.seconds} s`);

  const probe = await writeShapeProbe(http, backend);
  results.seed.shapeDifferences = await checkShapes(backend, {
    written: probe,
    seeded: seed.sampleIds,
  });
  if (Object.keys(results.seed.shapeDifferences).length > 0) {
    log(
      `WARNING: seeded documents differ from the API's: ${JSON.stringify(results.seed.shapeDifferences)}`,
    );
  }

  const users = seed.users;
  const [statsUser] = statsSeed.users;
  await signIn(http, [...users, statsUser]);
  log(`signed in ${users.length + 1} users`);

  const ctx = {
    options,
    root,
    baseUrl,
    http,
    apiHttp: new HttpClient(requireEnv('BENCH_API_URL')),
    renewSessions: () => renewOldSessions(http, [...users, statsUser]),
    backend,
    users,
    processes: findStackProcesses({ root, runDir }),
    endpoints: await findRangeEndpoints({ http, users }),
    todayCalls: { paths: FALLBACK_TODAY_CALLS, source: 'fallback list' },
  };
  log(
    `endpoints: ${JSON.stringify(ctx.endpoints)}; processes: ${ctx.processes.map((p) => p.name).join(', ')}`,
  );

  if (wants('today') || wants('mix')) {
    try {
      const session = await http.login(users[0].email, BENCH_PASSWORD);
      ctx.todayCalls = {
        paths: await discoverTodayCalls({ browserUrl, refreshToken: session.refreshToken }),
        source: 'a signed-in browser',
      };
    } catch (error) {
      log(
        `could not watch the Today page in a browser, using ${FALLBACK_TODAY_CALLS}: ${error.message}`,
      );
      ctx.todayCalls.error = error.message;
    }
    log(`Today page calls: ${ctx.todayCalls.paths.join(', ')}`);
  }

  if (wants('database')) {
    log('database: single queries on the seeded collections');
    results.database = await guard('Database', 'database', () =>
      measureDatabase(backend, users[0]),
    );
    log(`  ${JSON.stringify(results.database.queries ?? results.database.error)}`);
  }

  const stamp = startedAt.replace(/[:.]/g, '-');
  const reportDir = path.join(root, 'reports');
  mkdirSync(reportDir, { recursive: true });
  if (wants('frontend')) {
    results.frontend = {};
    log('frontend: first-load JavaScript per page');
    results.frontend.firstLoadJs = await guard('First-load JS', 'first-load-js', () =>
      measureFirstLoadJs({ root, baseUrl }),
    );
    if (options.lighthouse) {
      log('frontend: Lighthouse of /today (mobile)');
      results.frontend.lighthouse = await guard('Lighthouse', 'lighthouse', async () => {
        // As a returning user finds it: the page's API answers cached, nothing queued before it
        // (so before the loads, whose writes leave the embedded database busy for minutes).
        const session = await http.login(users[0].email, BENCH_PASSWORD);
        const user = { ...users[0], ...session };
        await warmCache(
          ctx,
          ctx.todayCalls.paths.map((path) => ({ user, path })),
        );
        await waitForQuiet(ctx.processes);
        return runLighthouse({
          browserUrl,
          refreshToken: session.refreshToken,
          reportFile: path.join(reportDir, `lighthouse-${stamp}.json`),
          timeZone: user.timezone,
        });
      });
    }
  }

  const steps = [
    ['anchors', 'Anchors', 'anchors', () => runAnchors(ctx)],
    ['list', 'Habit list, cached', 'list-cached', () => runCachedList(ctx)],
    ['list', 'Habit list, uncached', 'list-uncached', () => runUncachedList(ctx)],
    ['today', "Today page's API calls", 'today', () => runTodayPage(ctx)],
    ['history', "A habit's history for a year", 'history', () => runHistory(ctx)],
    // The mix comes last: its writes leave the embedded database working through abandoned scans
    // for minutes (longer than waiting for it to go quiet allows), which would slow what follows.
    ['stats', '30-day statistics', 'stats', () => runStats(ctx, statsUser)],
    [
      'invalidation',
      'Invalidation with a million keys',
      'invalidation',
      () => runInvalidation(ctx),
    ],
    ['mix', 'Realistic mix', 'mix', () => runMix(ctx)],
  ];
  for (const [name, title, id, run] of steps) {
    if (!wants(name)) {
      continue;
    }
    if (Date.now() - started > options.budgetMinutes * 60_000) {
      const reason = `the run's time budget (${options.budgetMinutes} min, --budget) was used up`;
      log(`scenario: ${title}: skipped, ${reason}`);
      results.scenarios.push({ id, title, status: 'skipped', reason });
      continue;
    }
    log(`scenario: ${title}`);
    const outcome = await guard(title, id, run);
    for (const result of [outcome].flat()) {
      results.scenarios.push(result);
      const figures =
        result.status === 'ok' && result.rps !== undefined
          ? `${result.rps} req/s, p99 ${result.p99} ms, ${result.errors} errors`
          : (result.reason ?? result.error ?? 'done');
      log(`  ${result.title}: ${result.status}, ${figures}`);
    }
  }

  results.memory = Object.fromEntries(
    ctx.processes.map((entry) => [
      entry.name,
      Math.round(entry.pids.map(rssMbOf).reduce((sum, mb) => sum + (mb ?? 0), 0) * 10) / 10,
    ]),
  );
  log(`resident memory: ${JSON.stringify(results.memory)}`);

  await backend.mongoose.disconnect();
  results.machine.loadAverageAtEnd = describeMachine().loadAverage;
  results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
  results.targets = evaluateTargets(results);
  results.noise = noiseOf(results);
  const base = path.join(reportDir, `bench-${stamp}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${base}.md`, renderMarkdown(results));
  log(`wrote ${path.relative(root, base)}.json and .md`);
  log(`noise: other processes used ${JSON.stringify(results.noise)} cores during the loads`);
  for (const target of results.targets) {
    log(
      `  ${target.met === null ? 'n/a' : target.met ? 'met' : 'NOT met'}: ${target.target}: ${target.measured}`,
    );
  }

  const failed = [
    ...results.scenarios,
    results.frontend?.firstLoadJs,
    results.frontend?.lighthouse,
  ].filter((r) => r?.status === 'failed');
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
