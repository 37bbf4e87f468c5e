// The API scenarios of the bench. Each answers { id, title, status, ... }: status 'ok' with its
// figures, or 'skipped' with the reason (an endpoint or feature that this build does not have).
import { BROWSER_ACCEPT_ENCODING, mapLimit } from './http.mjs';
import { runLoad, quantile } from './load.mjs';
import { waitForQuiet } from './procstat.mjs';
import { addDays, localDate, seedHistory, workoutBodyOf } from './seed.mjs';

export const HABIT_LIST_PATH = '/api/habits?limit=50';
const WORKOUT_LIST_PATH = '/api/workouts?limit=20';
// The habits of each user whose history the loads read: people look at a few, not all.
const HISTORY_HABITS = 2;

// Where a habit's history for a range and its statistics may live; the first that answers 200 for
// a seeded habit is used. Placeholders: {habitId}, {from}, {to}.
const HISTORY_CANDIDATES = ['/api/habits/{habitId}/history?from={from}&to={to}'];
// Statistics for a 30-day range: completion rates by week and month come with the history of the
// range; a statistics endpoint taking a range would be preferred if one appears.
const STATS_CANDIDATES = [
  '/api/habits/{habitId}/stats?from={from}&to={to}',
  '/api/habits/{habitId}/history?from={from}&to={to}',
];
// Streaks, score and totals as of today: by design they read the habit's whole history.
const WHOLE_HISTORY_STATS = '/api/habits/{habitId}/stats';

export function pickRandom(list) {
  return list[Math.floor(Math.random() * list.length)];
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]));
}

export function authHeaders(user, extra = {}) {
  return {
    authorization: `Bearer ${user.token}`,
    'accept-encoding': BROWSER_ACCEPT_ENCODING,
    ...extra,
  };
}

function skipped(id, title, reason) {
  return { id, title, status: 'skipped', reason };
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
// The warm-up reads themselves may take this long on the embedded database.
const WARM_MARGIN_MS = 30_000;

/**
 * Today, statistics and history are cached per UTC quarter hour (so that "today" never outlives
 * midnight anywhere): at each quarter hour every such entry is left behind at once. A load that
 * would straddle that moment waits until just after it, so it is not measured half cold.
 */
async function avoidQuarterHourTurn(ctx) {
  const untilTurn = QUARTER_HOUR_MS - (Date.now() % QUARTER_HOUR_MS);
  const needed = WARM_MARGIN_MS + (ctx.options.warmup + ctx.options.duration) * 1000;
  if (untilTurn > needed) {
    return 0;
  }
  await new Promise((resolve) => setTimeout(resolve, untilTurn + 1000));
  return Math.round(untilTurn / 1000);
}

/**
 * Reads each of these URLs once, two at a time, so that the loads start from a warm cache as a
 * returning user finds it (entries live 5 minutes). On the embedded database a miss may take
 * seconds; fifty of them at once would queue for minutes. Answers how many missed and the time.
 */
export async function warmCache(ctx, requests) {
  const waitedForQuarterHour = await avoidQuarterHourTurn(ctx);
  const started = performance.now();
  await ctx.renewSessions();
  const outcomes = await mapLimit(requests, 2, async ({ user, path }) => {
    try {
      // Straight to one API instance (the cache is shared): a slow warm-up read through NGINX
      // would count as a failed upstream there and could take instances out of the next load.
      const response = await ctx.apiHttp.send(path, { token: user.token, timeoutMs: 120_000 });
      return response.status === 200
        ? response.headers.get('x-cache')
        : `status ${response.status}`;
    } catch (error) {
      return error instanceof Error ? error.name : 'error';
    }
  });
  const failed = outcomes.filter((outcome) => !['HIT', 'MISS', 'BYPASS'].includes(outcome));
  return {
    requests: requests.length,
    misses: outcomes.filter((outcome) => outcome !== 'HIT').length,
    ...(failed.length > 0 ? { failed } : {}),
    ...(waitedForQuarterHour > 0 ? { waitedForQuarterHour } : {}),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

function everyUser(ctx, pathsOf) {
  return ctx.users.flatMap((user) => pathsOf(user).map((path) => ({ user, path })));
}

async function load(ctx, { connections = 50, pick, warmup = ctx.options.warmup }) {
  await ctx.renewSessions();
  return runLoad({
    baseUrl: ctx.baseUrl,
    connections,
    duration: ctx.options.duration,
    warmup,
    pick,
    processes: ctx.processes,
  });
}

/** The three anchors over the same NGINX → PM2 path. */
export async function runAnchors(ctx) {
  const anchors = [
    { id: 'anchor-node', title: 'node:http hello (ceiling)', path: '/bench/node-hello' },
    {
      id: 'anchor-bare',
      title: 'Express hello, no middleware (framework floor)',
      path: '/api/bench/hello-bare',
    },
    {
      id: 'anchor-full',
      title: 'Express hello behind every app-wide middleware',
      path: '/api/bench/hello-full',
    },
  ];
  const results = [];
  for (const anchor of anchors) {
    const probe = await ctx.http.send(anchor.path);
    if (probe.status !== 200 || probe.body?.hello !== 'world') {
      results.push(skipped(anchor.id, anchor.title, `${anchor.path} answered ${probe.status}`));
      continue;
    }
    const headers = { 'accept-encoding': BROWSER_ACCEPT_ENCODING };
    const figures = await load(ctx, {
      pick: () => ({ category: anchor.id, path: anchor.path, headers }),
    });
    results.push({
      id: anchor.id,
      title: anchor.title,
      status: 'ok',
      path: anchor.path,
      ...figures,
    });
  }
  return results;
}

/** What the response cache says about two reads in a row of `path`, optionally with extra headers. */
async function probeCache(ctx, user, path, headers = {}) {
  const options = { token: user.token, headers };
  const first = await ctx.http.expect(200, path, options);
  const second = await ctx.http.expect(200, path, options);
  return { first: first.headers.get('x-cache'), second: second.headers.get('x-cache') };
}

export async function runCachedList(ctx) {
  const id = 'list-cached';
  const title = 'Habit list, cached (GET /api/habits?limit=50)';
  const probe = await probeCache(ctx, ctx.users[0], HABIT_LIST_PATH);
  if (probe.second === null) {
    return skipped(id, title, 'no X-Cache header: the response cache is not on this build');
  }
  if (probe.second !== 'HIT') {
    return skipped(id, title, `a repeated read answered X-Cache: ${probe.second}, not HIT`);
  }
  const cacheWarmed = await warmCache(
    ctx,
    everyUser(ctx, () => [HABIT_LIST_PATH]),
  );
  const figures = await load(ctx, {
    pick: () => ({
      category: id,
      path: HABIT_LIST_PATH,
      headers: authHeaders(pickRandom(ctx.users)),
    }),
  });
  return { id, title, status: 'ok', path: HABIT_LIST_PATH, cacheWarmed, ...figures };
}

export async function runUncachedList(ctx) {
  const id = 'list-uncached';
  const title = 'Habit list, cache bypassed (Cache-Control: no-cache)';
  const bypass = { 'cache-control': 'no-cache' };
  const probe = await probeCache(ctx, ctx.users[0], HABIT_LIST_PATH, bypass);
  if (probe.second === null) {
    return skipped(id, title, 'no X-Cache header: the response cache is not on this build');
  }
  if (probe.second === 'HIT') {
    return skipped(id, title, 'the cache does not honour Cache-Control: no-cache on requests');
  }
  const figures = await load(ctx, {
    pick: () => ({
      category: id,
      path: HABIT_LIST_PATH,
      headers: authHeaders(pickRandom(ctx.users), bypass),
    }),
  });
  return { id, title, status: 'ok', path: HABIT_LIST_PATH, ...figures };
}

/** The Today page's API calls (as a browser made them), for a random user each time. */
function todayCallFor(ctx, user, call) {
  return call.replace(/([?&]date=)\d{4}-\d{2}-\d{2}/, `$1${user.today}`);
}

function todayPathsOf(ctx, user) {
  return ctx.todayCalls.paths.map((call) => todayCallFor(ctx, user, call));
}

export async function runTodayPage(ctx) {
  const id = 'today';
  const calls = ctx.todayCalls.paths;
  const title = `Today page's API calls (${calls.join(', ')})`;
  const cacheWarmed = await warmCache(
    ctx,
    everyUser(ctx, (user) => todayPathsOf(ctx, user)),
  );
  let next = 0;
  const figures = await load(ctx, {
    pick: () => {
      const call = calls[next % calls.length];
      next += 1;
      const user = pickRandom(ctx.users);
      return {
        category: call.split('?')[0],
        path: todayCallFor(ctx, user, call),
        headers: authHeaders(user),
      };
    },
  });
  return {
    id,
    title,
    status: 'ok',
    calls,
    callsFoundBy: ctx.todayCalls.source,
    pageLoadsPerSecond: Math.round(figures.rps / calls.length),
    cacheWarmed,
    ...figures,
  };
}

async function probeEndpoint(ctx, user, candidates, values) {
  for (const template of candidates) {
    const path = fill(template, values);
    const response = await ctx.http.send(path, { token: user.token });
    if (response.status === 200) {
      return template;
    }
  }
  return null;
}

/** Finds the history and statistics endpoints this build has, if any. */
export async function findRangeEndpoints(ctx) {
  const user = ctx.users[0];
  const values = { habitId: user.habitIds[0], from: addDays(user.today, -364), to: user.today };
  return {
    history: await probeEndpoint(ctx, user, HISTORY_CANDIDATES, values),
    stats: await probeEndpoint(ctx, user, STATS_CANDIDATES, {
      ...values,
      from: addDays(user.today, -29),
    }),
  };
}

function historyPathsOf(ctx, user) {
  return user.habitIds
    .slice(0, HISTORY_HABITS)
    .map((habitId) =>
      fill(ctx.endpoints.history, { habitId, from: addDays(user.today, -364), to: user.today }),
    );
}

function historyPathFor(ctx, user) {
  return pickRandom(historyPathsOf(ctx, user));
}

export async function runHistory(ctx) {
  const id = 'history';
  const title = "A habit's history for a year";
  if (!ctx.endpoints.history) {
    return skipped(
      id,
      title,
      'endpoint not present (tried: ' + HISTORY_CANDIDATES.join(', ') + ')',
    );
  }
  const cacheWarmed = await warmCache(
    ctx,
    everyUser(ctx, (user) => historyPathsOf(ctx, user)),
  );
  const figures = await load(ctx, {
    pick: () => {
      const user = pickRandom(ctx.users);
      return { category: id, path: historyPathFor(ctx, user), headers: authHeaders(user) };
    },
  });
  return {
    id,
    title: `${title} (${ctx.endpoints.history})`,
    status: 'ok',
    cacheWarmed,
    ...figures,
  };
}

const READ_CATEGORIES = new Set(['today', 'habit list', 'history', 'workout list']);

/**
 * Marks today's day of one of the user's habits done if the bench last left it undone, else
 * undoes it; as a person does, one tap at a time per habit (no second toggle of the same habit
 * while one is on its way). Answers null when every habit of the user has a toggle on its way.
 */
function checkInToggle(ctx, user) {
  const { inFlight, marked } = ctx.toggles;
  // A toggle unanswered after autocannon's 10 s timeout, or cut off when a load stopped, never
  // calls onDone: its habit is free again after 15 s.
  const isBusy = (habitId) => Date.now() - (inFlight.get(habitId) ?? 0) < 15_000;
  const free = user.habitIds
    .map((habitId, index) => ({ habitId, index }))
    .filter(({ habitId }) => !isBusy(habitId));
  if (free.length === 0) {
    return null;
  }
  const { habitId, index } = pickRandom(free);
  const path = `/api/habits/${habitId}/completions/${user.today}`;
  const isMarking = !marked.has(habitId);
  inFlight.set(habitId, Date.now());
  const onDone = () => {
    inFlight.delete(habitId);
  };
  if (isMarking) {
    marked.add(habitId);
    const isMeasurable = user.habitKinds?.[index] === 'measurable';
    return {
      category: 'check-in toggle',
      method: 'PUT',
      path,
      headers: authHeaders(user, { 'content-type': 'application/json' }),
      body: isMeasurable ? { value: 5 } : {},
      onDone,
    };
  }
  marked.delete(habitId);
  return {
    category: 'check-in toggle',
    method: 'DELETE',
    path,
    headers: authHeaders(user),
    onDone,
  };
}

function mixRead(ctx, user) {
  const call = pickRandom(ctx.todayCalls.paths);
  return { category: 'today', path: todayCallFor(ctx, user, call), headers: authHeaders(user) };
}

/** About 70% Today and list reads, 10% history, 10% check-in toggles, 10% workout reads and writes. */
function mixRequest(ctx) {
  const user = pickRandom(ctx.users);
  const roll = Math.random() * 100;
  const hasHistory = Boolean(ctx.endpoints.history);
  if (roll < 45 || (!hasHistory && roll >= 70 && roll < 80)) {
    return mixRead(ctx, user);
  }
  if (roll < 70) {
    return { category: 'habit list', path: HABIT_LIST_PATH, headers: authHeaders(user) };
  }
  if (roll < 80) {
    return { category: 'history', path: historyPathFor(ctx, user), headers: authHeaders(user) };
  }
  if (roll < 90) {
    return checkInToggle(ctx, user) ?? mixRead(ctx, user);
  }
  if (roll < 95) {
    return { category: 'workout list', path: WORKOUT_LIST_PATH, headers: authHeaders(user) };
  }
  return {
    category: 'workout write',
    method: 'POST',
    path: '/api/workouts',
    headers: authHeaders(user, { 'content-type': 'application/json' }),
    body: workoutBodyOf(ctx.backend, new Date(Date.now() - 3_600_000)),
  };
}

export async function runMix(ctx) {
  const results = [];
  ctx.toggles = { inFlight: new Map(), marked: new Set() };
  const readPaths = (user) => [
    ...todayPathsOf(ctx, user),
    HABIT_LIST_PATH,
    WORKOUT_LIST_PATH,
    ...(ctx.endpoints.history ? historyPathsOf(ctx, user) : []),
  ];
  for (const connections of ctx.options.mixConnections) {
    // The previous round's writes left misses behind; each round starts warm.
    const cacheWarmed = await warmCache(ctx, everyUser(ctx, readPaths));
    // No autocannon warm-up here: its writes would queue scans on the embedded database that
    // the measured part then waits behind (connections and code are warm from the loads before).
    const figures = await load(ctx, { connections, pick: () => mixRequest(ctx), warmup: 0 });
    const reads = Object.entries(figures.categories ?? {}).filter(([name]) =>
      READ_CATEGORIES.has(name),
    );
    const hits = reads.reduce((sum, [, c]) => sum + (c.cache?.HIT ?? 0), 0);
    const cacheable = reads.reduce(
      (sum, [, c]) =>
        sum +
        Object.entries(c.cache ?? {})
          .filter(([k]) => k !== 'hitRatio')
          .reduce((s, [, n]) => s + n, 0),
      0,
    );
    results.push({
      id: `mix-${connections}`,
      title: `Realistic mix at ${connections} connections`,
      status: 'ok',
      note: ctx.endpoints.history ? undefined : 'no history endpoint: its 10% went to Today reads',
      readHitRatio: cacheable > 0 ? Math.round((hits / cacheable) * 1000) / 1000 : null,
      cacheWarmed,
      ...figures,
    });
  }
  return results;
}

/**
 * Statistics for the last 30 days of one habit while the history behind them grows from 30 days
 * (1×) to 300 (10×) and 3,000 (100×). Requests are sequential and each is timed alone; a cached
 * answer is avoided by a write of the same user (another habit's description) before each one.
 */
export async function runStats(ctx, statsUser) {
  const id = 'stats';
  const title = '30-day statistics with 1×, 10× and 100× the history behind them';
  if (!ctx.endpoints.stats) {
    return skipped(id, title, 'endpoint not present (tried: ' + STATS_CANDIDATES.join(', ') + ')');
  }
  // A yes/no habit's days (a measurable one's would need values); the other habit is only written
  // to, so that no cached answer is measured.
  const index = Math.max(0, statsUser.habitKinds?.indexOf('boolean') ?? 0);
  const habitId = statsUser.habitIds[index];
  const otherHabitId = statsUser.habitIds[(index + 1) % statsUser.habitIds.length];
  const path = fill(ctx.endpoints.stats, {
    habitId,
    from: addDays(statsUser.today, -29),
    to: statsUser.today,
  });
  const levels = [
    { multiple: 1, days: 30 },
    { multiple: 10, days: 300 },
    { multiple: 100, days: 3000 },
  ];
  // Timed one request at a time: whatever the loads before left queued must be done first.
  const settledSeconds = (await waitForQuiet(ctx.processes)).seconds;
  const wholeHistoryPath = fill(WHOLE_HISTORY_STATS, { habitId });
  const hasWholeHistory =
    (await ctx.http.send(wholeHistoryPath, { token: statsUser.token, timeoutMs: 120_000 }))
      .status === 200;
  let seededDays = 0;
  const measured = [];
  for (const level of levels) {
    await seedHistory(ctx.backend, {
      userId: statsUser.id,
      habitId,
      timezone: statsUser.timezone,
      fromDaysAgo: seededDays,
      toDaysAgo: level.days - 1,
    });
    seededDays = level.days;
    measured.push({
      ...level,
      ...(await timeSequential(ctx, statsUser, path, otherHabitId)),
      wholeHistory: hasWholeHistory
        ? await timeSequential(ctx, statsUser, wholeHistoryPath, otherHabitId)
        : undefined,
    });
  }
  const ratio = (read) =>
    read(measured[0]) ? Math.round((read(measured[2]) / read(measured[0])) * 100) / 100 : null;
  return {
    id,
    title: `${title} (${ctx.endpoints.stats})`,
    status: 'ok',
    settledSeconds,
    levels: measured,
    ratio100to1: ratio((level) => level.median),
    wholeHistoryPath: hasWholeHistory ? WHOLE_HISTORY_STATS : undefined,
    wholeHistoryRatio100to1: hasWholeHistory
      ? ratio((level) => level.wholeHistory.median)
      : undefined,
  };
}

async function timeSequential(ctx, user, path, otherHabitId) {
  const samples = [];
  const cache = {};
  const deadline = Date.now() + ctx.options.duration * 1000;
  let flip = 0;
  while (samples.length < 3 || (samples.length < 30 && Date.now() < deadline)) {
    flip += 1;
    await ctx.renewSessions();
    await ctx.http.expect(200, `/api/habits/${otherHabitId}`, {
      method: 'PATCH',
      token: user.token,
      body: { description: `bench ${flip % 2}` },
      timeoutMs: 120_000,
    });
    const started = performance.now();
    const response = await ctx.http.expect(200, path, { token: user.token, timeoutMs: 120_000 });
    samples.push(performance.now() - started);
    const outcome = response.headers.get('x-cache') ?? 'none';
    cache[outcome] = (cache[outcome] ?? 0) + 1;
  }
  const sorted = samples.sort((a, b) => a - b);
  return {
    samples: sorted.length,
    median: Math.round(quantile(sorted, 0.5) * 10) / 10,
    p95: Math.round(quantile(sorted, 0.95) * 10) / 10,
    xCache: cache,
  };
}

export function todayOf(user) {
  return localDate(user.timezone);
}
