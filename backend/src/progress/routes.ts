import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { inputOf, validate } from '../lib/validate';
import { getWeightUnit } from '../users/service';
import { presentProgress } from './presenter';
import { getProgress, type ProgressQuery } from './service';
import { progressRules } from './validation';

export const progressRouter = Router();

progressRouter.use(requireAuth);

progressRouter.get('/', validate(progressRules), async (req, res) => {
  const userId = userIdOf(req);
  const progress = await getProgress(userId, inputOf<ProgressQuery>(req));

  res.json(presentProgress(progress, await getWeightUnit(userId)));
});
