import { getHeapStatistics } from 'node:v8';

import { config } from '../lib/config';
import { pingDatabase } from '../lib/database';
import { isShuttingDown } from '../lib/lifecycle';
import { pingRedis } from '../lib/redis';

export type CheckStatus = 'ok' | 'fail';

export interface Check {
  status: CheckStatus;
  latencyMs?: number;
  error?: string;
  [detail: string]: unknown;
}

export interface HealthReport {
  status: 'ok' | 'fail';
  timestamp: string;
  uptimeSeconds: number;
  environment: string;
  version: string;
  failing: string[];
  checks: Record<'database' | 'redis' | 'memory', Check>;
}

async function timed(probe: () => Promise<void>): Promise<Check> {
  const started = performance.now();
  try {
    await probe();

    return { status: 'ok', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { status: 'fail', error: error instanceof Error ? error.message : 'unknown error' };
  }
}

const MB = 1048576;
const MAX_HEAP_USE = 0.9;

/** Fails when resident memory passes MEMORY_LIMIT_MB or the V8 heap is nearly exhausted. */
function checkMemory(): Check {
  const { rss, heapUsed } = process.memoryUsage();
  const heapLimit = getHeapStatistics().heap_size_limit;
  const rssMb = Math.round(rss / MB);
  const limitMb = config.memoryLimitMb;
  const problems = [
    rssMb > limitMb ? `resident memory ${rssMb} MB over ${limitMb} MB` : '',
    heapUsed > heapLimit * MAX_HEAP_USE ? 'heap over 90% of its limit' : '',
  ].filter(Boolean);

  return {
    status: problems.length === 0 ? 'ok' : 'fail',
    rssMb,
    heapUsedMb: Math.round(heapUsed / MB),
    heapLimitMb: Math.round(heapLimit / MB),
    limitMb,
    ...(problems.length === 0 ? {} : { error: problems.join('; ') }),
  };
}

/** Checks every dependency; `status` is `fail` when any check fails. */
export async function getHealth(): Promise<HealthReport> {
  const [database, redis] = await Promise.all([
    timed(() => pingDatabase()),
    timed(() => pingRedis()),
  ]);
  const checks = { database, redis, memory: checkMemory() };
  const failing = Object.entries(checks)
    .filter(([, check]) => check.status === 'fail')
    .map(([name]) => name);

  return {
    status: failing.length === 0 ? 'ok' : 'fail',
    timestamp: new Date().toISOString(),
    uptimeSeconds: Math.round(process.uptime()),
    environment: config.env,
    version: config.version,
    failing,
    checks,
  };
}

/** Ready to take traffic: dependencies answer and the process is not draining. */
export async function getReadiness(): Promise<{ ready: boolean; reason?: string }> {
  if (isShuttingDown()) {
    return { ready: false, reason: 'shutting down' };
  }
  const health = await getHealth();
  if (health.checks.database.status === 'fail') {
    return { ready: false, reason: 'database unavailable' };
  }

  return { ready: true };
}
