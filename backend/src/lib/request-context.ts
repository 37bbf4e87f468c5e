import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';

import { logger } from './logger';
import { httpRequestDuration } from './metrics';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
const CLIENT_CLOSED_REQUEST = 499;

/** The matched route pattern (`/api/habits/:id`), so logs and metrics group by endpoint. */
export function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;

  if (!route) {
    return 'unmatched';
  }
  const path = String(route.path);

  return path === '/' && req.baseUrl !== '' ? req.baseUrl : `${req.baseUrl}${path}`;
}

/**
 * Gives each request an id (NGINX's `X-Request-Id` when it is well formed) and a child logger,
 * and when the response is finished writes one log line and records its duration.
 */
export const requestContext: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  req.id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.log = logger.child({ requestId: req.id });
  res.setHeader('X-Request-Id', req.id);

  const started = process.hrtime.bigint();
  // 'close' also fires when the client goes away before the response is complete, so every
  // request gets its line; those are logged with NGINX's 499 ("client closed request").
  res.once('close', () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED_REQUEST;
    const route = routeOf(req);
    httpRequestDuration.observe(
      { method: req.method, route, status: String(status) },
      durationMs / 1e3,
    );
    const fields = {
      method: req.method,
      route,
      status,
      durationMs: Math.round(durationMs * 10) / 10,
      userId: req.auth?.userId,
    };
    // A health check's 503 is its answer, not a failure of ours (the cause, such as the database
    // being away, is logged where it happens): a polling load balancer must not flood errors.
    const isHealthAnswer = route.startsWith('/api/health');
    if (status < 500) {
      req.log.info('request finished', fields);
    } else if (isHealthAnswer) {
      req.log.warn('health check failing', fields);
    } else {
      req.log.error('request failed', fields);
    }
  });

  next();
};
