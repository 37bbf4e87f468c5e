import type { Server } from 'node:http';

import { createApp } from './app';
import { seedExerciseCatalog } from './exercises/seed';
import { config } from './lib/config';
import { connectDatabase, disconnectDatabase, withTimeout } from './lib/database';
import { startIdempotencySweeper } from './lib/idempotency';
import { beginShutdown } from './lib/lifecycle';
import { flushLogs, logger } from './lib/logger';
import { connectRedis, disconnectRedis } from './lib/redis';

// Node must keep idle upstream sockets open longer than NGINX (keepalive_timeout 60s), or NGINX
// may reuse a socket Node has just closed and answer 502.
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
// After SIGINT keep answering (with `Connection: close`) while NGINX notices and moves away.
const DRAIN_DELAY_MS = 1_500;
const FORCED_EXIT_MS = 9_000;
const REDIS_START_WAIT_MS = 3_000;

async function start(): Promise<void> {
  await connectDatabase();
  await seedExerciseCatalog();
  // The API works without Redis (degraded), so a slow Redis does not hold the start back.
  await withTimeout(connectRedis(), REDIS_START_WAIT_MS, 'redis not ready').catch((error: Error) =>
    logger.warn('starting without redis', { error: error.message }),
  );

  startIdempotencySweeper();
  const app = createApp();
  const server = app.listen(config.port, config.host, () => {
    logger.info('api listening', { host: config.host, port: config.port });
    // PM2 (wait_ready) routes traffic to this instance only after this message.
    process.send?.('ready');
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  process.once('SIGINT', () => void shutdown(server, 'SIGINT'));
  process.once('SIGTERM', () => void shutdown(server, 'SIGTERM'));
}

async function shutdown(server: Server, signal: string): Promise<void> {
  logger.info('shutting down', { signal });
  beginShutdown();
  setTimeout(() => {
    logger.error('forced exit after shutdown timeout');
    void flushLogs(500).finally(() => process.exit(1));
  }, FORCED_EXIT_MS).unref();

  // Prepended so that it runs before Express: a handler that answers synchronously would otherwise
  // have sent its headers already, and setHeader would throw.
  server.prependListener('request', (_req, res) => {
    if (!res.headersSent) {
      res.setHeader('Connection', 'close');
    }
  });
  await new Promise((resolve) => setTimeout(resolve, DRAIN_DELAY_MS));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.allSettled([disconnectDatabase(), disconnectRedis()]);
  logger.info('shutdown complete');
  await flushLogs();
  process.exit(0);
}

start().catch(async (error: unknown) => {
  logger.error('api failed to start', {
    error: error instanceof Error ? error.message : String(error),
  });
  await flushLogs();
  process.exit(1);
});
