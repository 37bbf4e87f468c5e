import { Router, type RequestHandler } from 'express';

import { config } from '../lib/config';
import { AppError } from '../lib/errors';
import { metricsRegistry } from '../lib/metrics';
import { validate } from '../lib/validate';
import { isInternalAddress } from './access';

/**
 * Metrics are for Prometheus scraping one instance directly. The socket's peer address is checked
 * (not `req.ip`, which trusts one proxy hop), and anything that came through a proxy is refused
 * even from loopback: NGINX runs on loopback and always adds X-Forwarded-For.
 */
const requireInternalCaller: RequestHandler = (req, _res, next) => {
  const isProxied = req.get('x-forwarded-for') !== undefined;
  if (isProxied || !isInternalAddress(req.socket.remoteAddress, config.metricsAllowFrom)) {
    throw new AppError('FORBIDDEN', 'Metrics requested from outside', {
      userMessage: 'Metrics are only served to internal callers',
    });
  }

  next();
};

export const metricsRouter = Router();

metricsRouter.get('/', requireInternalCaller, validate([]), async (_req, res) => {
  const body = await metricsRegistry.metrics();
  res.setHeader('Cache-Control', 'no-store');
  res.type(metricsRegistry.contentType).send(body);
});
