import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * This process's Prometheus registry. Under PM2 every cluster worker has its own registry and
 * Prometheus scrapes each worker on its own port (see README "Metrics"), so nothing here is
 * shared between processes and no worker ever waits on another to answer a scrape.
 */
export const metricsRegistry = new Registry();

// Process metrics, including the event-loop lag (`nodejs_eventloop_lag_seconds` and its
// percentiles from perf_hooks.monitorEventLoopDelay), heap and GC.
collectDefaultMetrics({ register: metricsRegistry });

/** Request latency by method, matched route pattern (never the raw URL) and status. */
export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from receiving a request to finishing its response',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Response-cache hits; `cache` names the cached endpoint, e.g. `cacheHits.inc({ cache: 'today' })`. */
export const cacheHits = new Counter({
  name: 'cache_hits_total',
  help: 'Responses served from the Redis response cache',
  labelNames: ['cache'] as const,
  registers: [metricsRegistry],
});

/** Response-cache misses, labelled like `cacheHits`. */
export const cacheMisses = new Counter({
  name: 'cache_misses_total',
  help: 'Cacheable responses that had to be built',
  labelNames: ['cache'] as const,
  registers: [metricsRegistry],
});

/** Requests refused with 429; `limiter` names the limit, e.g. `{ limiter: 'login' }`. */
export const rateLimitRejections = new Counter({
  name: 'rate_limit_rejections_total',
  help: 'Requests refused by an API rate limit',
  labelNames: ['limiter'] as const,
  registers: [metricsRegistry],
});
