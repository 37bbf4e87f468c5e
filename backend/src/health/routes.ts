import { Router } from 'express';

import { validate } from '../lib/validate';
import { getHealth, getReadiness } from './service';

export const healthRouter = Router();

// Health answers are never cached by browsers or proxies: a load balancer must see the present.
healthRouter.use((_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
});

healthRouter.get('/', validate([]), async (_req, res) => {
  const health = await getHealth();
  res.status(health.status === 'ok' ? 200 : 503).json(health);
});

/** Liveness: the process answers; restart it only when this fails. */
healthRouter.get('/live', validate([]), (_req, res) => {
  res.json({ status: 'ok' });
});

/** Readiness: send traffic here; 503 while draining or without a database. */
healthRouter.get('/ready', validate([]), async (_req, res) => {
  const readiness = await getReadiness();
  res
    .status(readiness.ready ? 200 : 503)
    .json({ status: readiness.ready ? 'ok' : 'fail', ...readiness });
});
