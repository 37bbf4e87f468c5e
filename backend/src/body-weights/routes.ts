import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { inputOf, validate } from '../lib/validate';
import { getWeightUnit } from '../users/service';
import type { WeightUnit } from '../workouts/units';
import { presentBodyWeight } from './presenter';
import { deleteBodyWeight, findBodyWeights, saveBodyWeight, type BodyWeightQuery } from './service';
import { bodyWeightDateRules, listBodyWeightsRules, saveBodyWeightRules } from './validation';

export const bodyWeightsRouter = Router();

bodyWeightsRouter.use(requireAuth);

bodyWeightsRouter.get('/', validate(listBodyWeightsRules), async (req, res) => {
  const userId = userIdOf(req);
  const entries = await findBodyWeights(userId, inputOf<BodyWeightQuery>(req));

  const unit = await getWeightUnit(userId);
  res.json({ unit, items: entries.map((entry) => presentBodyWeight(entry, unit)) });
});

bodyWeightsRouter.put('/:date', validate(saveBodyWeightRules), async (req, res) => {
  const userId = userIdOf(req);
  const input = inputOf<{ date: string; weight: number; unit?: WeightUnit }>(req);
  const entry = await saveBodyWeight(userId, input);

  res.json(presentBodyWeight(entry, await getWeightUnit(userId)));
});

bodyWeightsRouter.delete('/:date', validate(bodyWeightDateRules), async (req, res) => {
  await deleteBodyWeight(userIdOf(req), String(req.params.date));
  res.status(204).end();
});
