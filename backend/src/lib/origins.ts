import cors from 'cors';
import type { RequestHandler } from 'express';

import { config } from './config';
import { AppError } from './errors';

const allowed = new Set(config.corsOrigins);

/**
 * Refuses, with 403, any request a browser sends from a page of another origin. CORS alone
 * would only keep the answer from that page's scripts: the request itself (a POST with a
 * cookie, say) would still run. Browsers send `Origin` on every cross-origin request and on
 * same-origin writes; requests without it (curl, server to server) carry no ambient cookie of
 * a user's browser and pass.
 */
export const refuseForeignOrigins: RequestHandler = (req, _res, next) => {
  const origin = req.get('origin');
  if (origin !== undefined && !allowed.has(origin)) {
    throw new AppError('FORBIDDEN', 'Origin not allowed', {
      userMessage: 'Requests from this origin are not allowed',
    });
  }

  next();
};

/** CORS for the web app's own origins (CORS_ORIGINS), with its cookie. */
export const corsForWebApp = cors({ origin: [...allowed], credentials: true });
