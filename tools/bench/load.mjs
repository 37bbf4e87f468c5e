// One bounded load through NGINX with autocannon: a warm-up that is thrown away, then the measured
// run, with every response's latency, status and X-Cache header recorded per request category.
import os from 'node:os';

import autocannon from 'autocannon';

import { startCpuMeter, waitForQuiet } from './procstat.mjs';

/** The q-quantile (0..1) of sorted numbers, nearest-rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) {
    return null;
  }
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

function headerOf(headers, name) {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) {
      return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

function newTally() {
  return { latencies: [], statuses: {}, cache: {}, unanswered: [] };
}

function summarise(tally, seconds) {
  const sorted = Float64Array.from(tally.latencies).sort();
  const count = sorted.length;
  const failed = Object.entries(tally.statuses)
    .filter(([status]) => !/^[23]/.test(status))
    .reduce((sum, [, n]) => sum + n, 0);
  const hits = tally.cache.HIT ?? 0;
  const cacheable = Object.values(tally.cache).reduce((sum, n) => sum + n, 0);

  // A request still unanswered when the load stopped has waited at least this long: counted at
  // that wait, it gives a lower bound of the p99 over every request sent, not only the answered.
  const withUnanswered = Float64Array.from([...tally.latencies, ...tally.unanswered]).sort();

  return {
    requests: count,
    rps: Math.round(count / seconds),
    p50: round1(quantile(sorted, 0.5)),
    p95: round1(quantile(sorted, 0.95)),
    p99: round1(quantile(sorted, 0.99)),
    max: round1(sorted[count - 1] ?? null),
    unanswered: tally.unanswered.length,
    p99WithUnanswered: round1(quantile(withUnanswered, 0.99)),
    failedResponses: failed,
    statuses: tally.statuses,
    cache: cacheable > 0 ? { ...tally.cache, hitRatio: round3(hits / cacheable) } : null,
  };
}

/**
 * Runs autocannon; answers its result plus the requests that had no answer when it stopped, each
 * with its category and how long it had waited. A request that timed out (10 s) stays in that
 * list too, at 10 s or more; autocannon also counts it among its timeouts.
 */
async function runAutocannon({ baseUrl, connections, seconds, pick, onResult }) {
  let last = null;
  // autocannon gives each request a fresh context object (one request per iteration).
  const pending = new Set();
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request, context) => {
          const next = pick();
          context.category = next.category;
          context.onDone = next.onDone;
          context.sentAt = performance.now();
          pending.add(context);
          return {
            ...request,
            method: next.method ?? 'GET',
            path: next.path,
            headers: next.headers ?? {},
            body: next.body === undefined ? undefined : JSON.stringify(next.body),
          };
        },
        // Called just before autocannon's own 'response' event for the same response.
        onResponse: (_status, _body, context, headers) => {
          last = { category: context.category, cache: headerOf(headers, 'x-cache') };
          pending.delete(context);
          context.onDone?.();
        },
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, latencyMs) => {
    onResult(last?.category ?? 'all', status, latencyMs, last?.cache);
    last = null;
  });

  const result = await new Promise((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  const stoppedAt = performance.now();
  const unanswered = [...pending].map((context) => ({
    category: context.category ?? 'all',
    waitedMs: stoppedAt - context.sentAt,
  }));

  return { result, unanswered };
}

/**
 * Runs `pick` (which answers { category, method, path, headers, body, onDone? } for each request,
 * onDone being called when its answer arrives) with
 * `connections` open connections: `warmup` seconds unmeasured, then `duration` seconds measured.
 * Answers totals plus a breakdown per category, and each process's CPU during the measured part.
 */
export async function runLoad({ baseUrl, connections, duration, warmup, pick, processes }) {
  const warmupCache = {};
  if (warmup > 0) {
    await runAutocannon({
      baseUrl,
      connections,
      seconds: warmup,
      pick,
      onResult: (_category, _status, _latencyMs, cache) => {
        if (cache) {
          warmupCache[cache] = (warmupCache[cache] ?? 0) + 1;
        }
      },
    });
  }
  const settledBefore = await waitForQuiet(processes);

  const total = newTally();
  const byCategory = {};
  const record = (tally, status, latencyMs, cache) => {
    tally.latencies.push(latencyMs);
    tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
    if (cache) {
      tally.cache[cache] = (tally.cache[cache] ?? 0) + 1;
    }
  };
  const stopMeter = startCpuMeter(processes);
  const { result, unanswered } = await runAutocannon({
    baseUrl,
    connections,
    seconds: duration,
    pick,
    onResult: (category, status, latencyMs, cache) => {
      record(total, status, latencyMs, cache);
      byCategory[category] ??= newTally();
      record(byCategory[category], status, latencyMs, cache);
    },
  });
  for (const { category, waitedMs } of unanswered) {
    total.unanswered.push(waitedMs);
    byCategory[category] ??= newTally();
    byCategory[category].unanswered.push(waitedMs);
  }
  const cpu = stopMeter();
  // The machine's 1-minute load average as the measured part ends (runnable tasks, all users).
  const loadAverage1m = Math.round(os.loadavg()[0] * 100) / 100;
  const drainedAfter = await waitForQuiet(processes);
  const seconds = result.duration || duration;
  const categories = Object.fromEntries(
    Object.entries(byCategory).map(([name, tally]) => [name, summarise(tally, seconds)]),
  );
  const summary = summarise(total, seconds);

  return {
    connections,
    durationSeconds: Math.round(seconds * 10) / 10,
    ...summary,
    // Requests that got no answer: refused or reset connections and timeouts (10 s), which
    // autocannon counts among its errors, plus answers with a status other than 2xx/3xx.
    timeouts: result.timeouts,
    errors: result.errors + summary.failedResponses,
    categories: Object.keys(categories).length > 1 ? categories : undefined,
    cpu,
    loadAverage1m,
    // How long the API and the database stayed busy after the warm-up and after the measured
    // part: work still queued when the load generator stopped (0.5 s means none).
    settledBeforeSeconds: settledBefore.seconds,
    drainedAfterSeconds: drainedAfter.seconds,
    busyAfterLoad: drainedAfter.busyAtFirst,
    // X-Cache answers during the unmeasured warm-up (a BYPASS storm there leaves scans queued).
    warmupCache: Object.keys(warmupCache).length > 0 ? warmupCache : undefined,
  };
}

function round1(value) {
  return value === null ? null : Math.round(value * 10) / 10;
}

function round3(value) {
  return Math.round(value * 1000) / 1000;
}
