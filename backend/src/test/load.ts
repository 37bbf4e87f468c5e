// A small, bounded load generator for whole-stack tests: a few concurrent loops of real API
// requests through NGINX, stopped by the test or by its own count and time limits.

export interface LoadRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** Statuses that count as success for this request. */
  expect: number[];
}

export interface LoadResult {
  method: string;
  path: string;
  status: number;
  /** When the request was sent (epoch ms) and how long it took. */
  at: number;
  ms: number;
  /** Network-level failure (connection refused or reset), when there was no status. */
  error?: string;
}

export interface LoadOptions {
  baseUrl: string;
  token: string;
  concurrency: number;
  maxRequests: number;
  maxMs: number;
  /** Builds the i-th request of a loop; called once per request. */
  next: (i: number) => LoadRequest;
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);

export interface LoadSummary {
  results: LoadResult[];
  total: number;
  byMethod: Record<string, number>;
  failures: LoadResult[];
  idempotentFailures: LoadResult[];
  nonIdempotentFailures: LoadResult[];
  durationMs: number;
  /** The slowest request, and the 99th percentile, in milliseconds. */
  maxMs: number;
  p99Ms: number;
}

/** A running load; `stop()` ends it and resolves with every request's outcome. */
export function startLoad(options: LoadOptions): { stop: () => Promise<LoadSummary> } {
  const results: Array<LoadResult & { ok: boolean }> = [];
  const started = Date.now();
  let stopped = false;
  let issued = 0;

  const isDone = () =>
    stopped || issued >= options.maxRequests || Date.now() - started > options.maxMs;

  async function loop(): Promise<void> {
    while (!isDone()) {
      const request = options.next(issued);
      issued += 1;
      results.push(await send(options, request));
    }
  }

  const loops = Array.from({ length: options.concurrency }, () => loop());

  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      const failures = results.filter((result) => !result.ok);
      const byMethod: Record<string, number> = {};
      for (const result of results) {
        byMethod[result.method] = (byMethod[result.method] ?? 0) + 1;
      }

      return {
        results,
        total: results.length,
        byMethod,
        failures,
        idempotentFailures: failures.filter((result) => IDEMPOTENT.has(result.method)),
        nonIdempotentFailures: failures.filter((result) => !IDEMPOTENT.has(result.method)),
        durationMs: Date.now() - started,
        ...latencies(results),
      };
    },
  };
}

function latencies(results: LoadResult[]): { maxMs: number; p99Ms: number } {
  const sorted = results.map((result) => result.ms).sort((a, b) => a - b);

  return {
    maxMs: Math.round(sorted.at(-1) ?? 0),
    p99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
  };
}

async function send(
  options: LoadOptions,
  request: LoadRequest,
): Promise<LoadResult & { ok: boolean }> {
  const started = performance.now();
  const outcome = { method: request.method, path: request.path, at: Date.now() };
  const ms = () => performance.now() - started;
  try {
    const res = await fetch(`${options.baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${options.token}`,
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer();

    return { ...outcome, status: res.status, ms: ms(), ok: request.expect.includes(res.status) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;

    return { ...outcome, status: 0, ms: ms(), error: cause ?? String(error), ok: false };
  }
}

/** A short text for a report line: counts of failures by method and status. */
export function describeFailures(failures: LoadResult[]): string {
  const counts: Record<string, number> = {};
  for (const failure of failures) {
    const key = `${failure.method} ${failure.status || failure.error}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }

  return JSON.stringify(counts);
}

const DAY_MS = 86_400_000;

/**
 * A mix of what the app does: list, read, create and rename habits, mark days done, and health.
 * Half of it is not idempotent (POST, PATCH), which NGINX never retries on another instance.
 */
export function habitTraffic(habitId: string): (i: number) => LoadRequest {
  return (i) => {
    switch (i % 6) {
      case 0:
        return { method: 'GET', path: '/api/habits?limit=5', expect: [200] };
      case 1:
        return { method: 'POST', path: '/api/habits', body: { name: `Load ${i}` }, expect: [201] };
      case 2:
        return { method: 'GET', path: `/api/habits/${habitId}`, expect: [200] };
      case 3: {
        // A different day per request, so concurrent loops never mark the same day at once; all
        // in the past, as the API refuses days after the user's today.
        const date = new Date(Date.UTC(2024, 0, 1) + (i % 360) * DAY_MS).toISOString().slice(0, 10);

        return { method: 'PUT', path: `/api/habits/${habitId}/completions/${date}`, expect: [200] };
      }
      case 4:
        return {
          method: 'PATCH',
          path: `/api/habits/${habitId}`,
          body: { name: `Renamed ${i}` },
          expect: [200],
        };
      default:
        return { method: 'GET', path: '/api/health', expect: [200] };
    }
  };
}

/** Requests by method that were sent within [from, to] (epoch ms). */
export function sentBetween(
  results: LoadResult[],
  from: number,
  to: number,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results.filter((item) => item.at >= from && item.at <= to)) {
    counts[result.method] = (counts[result.method] ?? 0) + 1;
  }

  return counts;
}
