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

function checkMemory(): Check {
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  const rssMb = Math.round(rss / 1048576);
  const limitMb = config.memoryLimitMb;

  return {
    status: rssMb < limitMb ? 'ok' : 'fail',
    rssMb,
    heapUsedMb: Math.round(heapUsed / 1048576),
    heapTotalMb: Math.round(heapTotal / 1048576),
    limitMb,
    ...(rssMb < limitMb ? {} : { error: `resident memory ${rssMb} MB over ${limitMb} MB` }),
  };
}

/** Checks every dependency; `status` is `fail` when any check fails. */
export async function getHealth(): Promise<HealthReport> {
  const [database, redis] = await Promise.all([timed(() => pingDatabase()), timed(() => pingRedis())]);
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
