import type { Express, RequestHandler } from 'express';

/**
 * Reference routes for `npm run bench`, mounted only when BENCH_ANCHORS=true (off by default, and
 * never set by the production deploy). They answer the same tiny JSON body as the bench's bare
 * node:http server, so the bench can compare, over the same NGINX → PM2 path:
 * - the framework floor: Express with no middleware at all;
 * - every app-wide middleware a request to the API passes (request id and log line, helmet, CORS,
 *   compression, body and cookie parsing, and whatever else `createApp` mounts for all routes),
 *   without the per-route authentication, cache and validation.
 */
export const BARE_HELLO_PATH = '/api/bench/hello-bare';
export const FULL_HELLO_PATH = '/api/bench/hello-full';

const HELLO_BODY = { hello: 'world' };

const sayHello: RequestHandler = (_req, res) => {
  res.json(HELLO_BODY);
};

/** Mounts the framework-floor anchor; call before any middleware. */
export function mountBareHello(app: Express): void {
  app.get(BARE_HELLO_PATH, sayHello);
}

/** Mounts the full-middleware anchor; call after every app-wide middleware, before the routers. */
export function mountFullHello(app: Express): void {
  app.get(FULL_HELLO_PATH, sayHello);
}
