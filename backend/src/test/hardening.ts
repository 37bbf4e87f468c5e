// Shared set-up of the hardening suites: the app on a real port, the route list and its samples.
import type { Server } from 'node:http';

import { createApp } from '../app';
import { config } from '../lib/config';
import { redis } from '../lib/redis';
import type { RequestContext } from './attack';
import {
  FIXTURES,
  fixtureId,
  ROUTE_SAMPLES,
  type FixtureName,
  type RouteSample,
} from './route-samples';
import { listRoutes, type AppRoute } from './routes';
import { buildUser, testKeys, type TestUser } from './setup';

export const app = createApp();
export const routes: AppRoute[] = listRoutes(app);
/** The routes that have a sample; hardening/routes.test.ts fails for any that has none. */
export const sampledRoutes: AppRoute[] = routes.filter((route) => route.key in ROUTE_SAMPLES);

/** How many generated cases each property tries; HARDENING_RUNS raises it for a long run. */
export const RUNS = Number(process.env.HARDENING_RUNS ?? 8);
/** Set HARDENING_SEED to replay a failure that fast-check reported. */
export const SEED = process.env.HARDENING_SEED ? Number(process.env.HARDENING_SEED) : undefined;

export function sampleOf(route: AppRoute): RouteSample {
  const sample = ROUTE_SAMPLES[route.key];
  if (!sample) {
    throw new Error(
      `${route.key} has no entry in ROUTE_SAMPLES (backend/src/test/route-samples.ts)`,
    );
  }

  return sample;
}

export function bodyLimitBytes(): number {
  const match = /^(\d+)kb$/i.exec(config.bodyLimit);
  if (!match) {
    throw new Error(`BODY_LIMIT "${config.bodyLimit}" is not written in kb`);
  }

  return Number(match[1]) * 1024;
}

let server: Server | undefined;

/** One listening server for the whole file: cheaper than supertest's server per request. */
export function useServer(): () => Server {
  beforeAll(async () => {
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  return () => {
    if (!server) {
      throw new Error('server not started');
    }

    return server;
  };
}

/**
 * Forgets this test file's rate-limit counts. The suites send hundreds of requests as one user
 * from one address to test validation, not the limiter (lib/rate-limit.test.ts tests that).
 */
export async function resetRateLimits(): Promise<void> {
  const keys = (await testKeys()).filter((key) => key.includes(':ratelimit:'));
  if (keys.length > 0) {
    await redis.del(...keys.map((key) => key.slice(config.redisKeyPrefix.length)));
  }
}

/** A fresh owner with the fixtures and headers the route's valid sample needs. */
export async function prepare(
  server: Server,
  route: AppRoute,
  owner?: TestUser,
): Promise<RequestContext> {
  const sample = sampleOf(route);
  const user = owner ?? (await buildUser());
  const params: Record<string, string> = {};
  for (const [name, param] of Object.entries(sample.params ?? {})) {
    params[name] = 'fixture' in param ? await FIXTURES[param.fixture](user) : param.value;
  }
  const fixtures: Record<string, string> = {};
  for (const name of Object.keys(FIXTURES) as FixtureName[]) {
    if (JSON.stringify(sample.body ?? {}).includes(fixtureId(name))) {
      fixtures[fixtureId(name)] = await FIXTURES[name](user);
    }
  }
  const headers = sample.headers ? await sample.headers(user) : {};
  await sample.setup?.(user, params);

  return { server, owner: user, params, fixtures, headers };
}
