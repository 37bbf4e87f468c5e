// The API's routes, read from the Express app itself, so that the hardening suites cover every
// route that exists rather than a list someone keeps by hand.
import type { Express, RequestHandler } from 'express';

import { requireAuth } from '../auth/middleware';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AppRoute {
  method: Method;
  /** The full pattern, e.g. `/api/habits/:id/completions/:date`. */
  path: string;
  /** `METHOD path`, the key of the sample table. */
  key: string;
  requiresAuth: boolean;
  /** Names of the path parameters, in order. */
  params: string[];
  /** Every handler on the way to the route, router-level middleware included. */
  handlers: RequestHandler[];
}

interface Layer {
  handle: RequestHandler & { stack?: Layer[] };
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean>; stack: Layer[] };
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function rawPathOf(layer: Layer): string {
  if (typeof layer.rawPath !== 'string') {
    throw new Error('Cannot read a mount path: the router no longer exposes `rawPath`');
  }

  return layer.rawPath === '/' ? '' : layer.rawPath;
}

function walk(stack: Layer[], prefix: string, inherited: RequestHandler[]): AppRoute[] {
  const routes: AppRoute[] = [];
  const middleware = [...inherited];
  for (const layer of stack) {
    if (layer.route) {
      const handlers = [...middleware, ...layer.route.stack.map((item) => item.handle)];
      const path = `${prefix}${layer.route.path === '/' ? '' : layer.route.path}` || '/';
      for (const name of Object.keys(layer.route.methods)) {
        const method = name.toUpperCase();
        if (!METHODS.has(method)) {
          continue;
        }
        routes.push({
          method: method as Method,
          path,
          key: `${method} ${path}`,
          requiresAuth: handlers.includes(requireAuth),
          params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1] as string),
          handlers,
        });
      }
    } else if (layer.handle.stack) {
      routes.push(...walk(layer.handle.stack, `${prefix}${rawPathOf(layer)}`, middleware));
    } else {
      middleware.push(layer.handle);
    }
  }

  return routes;
}

/** Every route of the app with its method, full path and whether it requires a session. */
export function listRoutes(app: Express): AppRoute[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;

  return walk(router.stack, '', []);
}
