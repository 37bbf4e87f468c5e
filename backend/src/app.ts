import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';

import { bearerUserIdOf } from './auth/middleware';
import { authRouter } from './auth/routes';
import { mountBareHello, mountFullHello } from './bench/anchors';
import { bodyWeightsRouter } from './body-weights/routes';
import { exercisesRouter } from './exercises/routes';
import { exportsRouter } from './exports/routes';
import { habitsRouter } from './habits/routes';
import { healthRouter } from './health/routes';
import { importsRouter } from './imports/routes';
import { refuseUnsupportedBodies, type OtherBodyTypes } from './lib/body-types';
import { invalidateCacheOnWrite, strongEtag } from './lib/cache';
import { config } from './lib/config';
import { errorHandler, routeNotFound } from './lib/error-handler';
import { recoverIdempotentCreate } from './lib/idempotency';
import { recoverNonFiniteJson } from './lib/non-finite-json';
import { corsForWebApp, refuseForeignOrigins } from './lib/origins';
import { refuseInvalidUtf8, refuseLoneSurrogates } from './lib/utf8-body';
import { generalLimit } from './lib/rate-limit';
import { requestContext } from './lib/request-context';
import { metricsRouter } from './metrics/routes';
import { progressRouter } from './progress/routes';
import { routinesRouter } from './routines/routes';
import { todayRouter } from './today/routes';
import { usersRouter } from './users/routes';
import { workoutsRouter } from './workouts/routes';

// Routes that take a body other than JSON, by mount path (see lib/body-types.ts): an upload route
// adds its line here with its media types, or 'any'.
export const OTHER_BODY_TYPES: OtherBodyTypes = {
  // The file itself, of whatever type the browser gives it (none for an unknown extension).
  '/api/imports': 'any',
};

export interface AppOptions {
  /** Mounts the bench's reference routes (see bench/anchors.ts); BENCH_ANCHORS by default. */
  benchAnchors?: boolean;
}

/** Builds the Express app without listening, so tests can drive it with supertest. */
export function createApp({ benchAnchors = config.benchAnchors }: AppOptions = {}): Express {
  const app = express();
  // Exactly the NGINX hop: a client cannot choose its own address with X-Forwarded-For.
  app.set('trust proxy', config.trustProxyHops);
  // Express 5's default, set explicitly: `?a[b]=1` stays a string key, never an object.
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  // Strong ETags (a hash of the exact body) on every response, the same for a cached response.
  app.set('etag', strongEtag);
  if (benchAnchors) {
    mountBareHello(app);
  }

  app.use(requestContext);
  // The API answers JSON only, so its pages policy allows nothing at all; the web app's policy is
  // set by Next.js (frontend/src/proxy.ts).
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use(refuseForeignOrigins);
  app.use(corsForWebApp);
  app.use(compression());
  // `inflate: false`: no client of ours compresses request bodies, so a gzip body is refused (415)
  // rather than inflated. An import's body is the uploaded file itself, streamed to disk by the
  // imports routes.
  const parseJson = express.json({
    limit: config.bodyLimit,
    inflate: false,
    verify: refuseInvalidUtf8,
  });
  app.use((req, res, next) =>
    req.method === 'POST' && req.path.startsWith('/api/imports')
      ? next()
      : parseJson(req, res, next),
  );
  app.use(refuseUnsupportedBodies(OTHER_BODY_TYPES));
  app.use(recoverNonFiniteJson);
  app.use(refuseLoneSurrogates);
  app.use(cookieParser());

  // Health checks come from the load balancer and monitoring: never rate limited.
  app.use('/api/health', healthRouter);
  // Scraped by Prometheus from inside, often: never rate limited either.
  app.use('/api/metrics', metricsRouter);
  app.use('/api', generalLimit(bearerUserIdOf));
  app.use(invalidateCacheOnWrite);
  if (benchAnchors) {
    mountFullHello(app);
  }
  app.use('/api/auth', authRouter);
  app.use('/api/habits', habitsRouter);
  app.use('/api/today', todayRouter);
  app.use('/api/users', usersRouter);
  app.use('/api/workouts', workoutsRouter);
  app.use('/api/exercises', exercisesRouter);
  app.use('/api/routines', routinesRouter);
  app.use('/api/progress', progressRouter);
  app.use('/api/body-weights', bodyWeightsRouter);
  app.use('/api/imports', importsRouter);
  app.use('/api/exports', exportsRouter);

  app.use(routeNotFound);
  app.use(recoverIdempotentCreate);
  app.use(errorHandler);

  return app;
}
