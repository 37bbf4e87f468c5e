import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';

import { logger } from './logger';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Gives each request an id (NGINX's `X-Request-Id` when it is well formed) and a child logger,
 * and writes one log line when the response is finished.
 */
/** The matched route pattern (`/api/habits/:id`), so log lines group by endpoint, not by id. */
function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;

  return route ? `${req.baseUrl}${String(route.path)}` : 'unmatched';
}

export const requestContext: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  req.id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.log = logger.child({ requestId: req.id });
  res.setHeader('X-Request-Id', req.id);

  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const fields = {
      method: req.method,
      route: routeOf(req),
      status: res.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
      userId: req.auth?.userId,
    };
    if (res.statusCode >= 500) {
      req.log.error('request failed', fields);
    } else {
      req.log.info('request finished', fields);
    }
  });

  next();
};
