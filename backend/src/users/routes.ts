import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { inputOf, validate } from '../lib/validate';
import { presentUser } from './presenter';
import { updateProfile, type ProfileChanges } from './service';
import { updateMeRules } from './validation';

export const usersRouter = Router();

usersRouter.use(requireAuth);

/** Changes the signed-in user's preferences (so far the weight unit: `kg` or `lb`). */
usersRouter.patch('/me', validate(updateMeRules), async (req, res) => {
  const user = await updateProfile(userIdOf(req), inputOf<ProfileChanges>(req));
  res.json(presentUser(user));
});
