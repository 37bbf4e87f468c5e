import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { inputOf, validate } from '../lib/validate';
import { presentUser } from './presenter';
import { getUser, updateProfile, type ProfileChanges } from './service';
import { updateProfileRules } from './validation';

export const usersRouter = Router();

usersRouter.use(requireAuth);

usersRouter.get('/me', validate([]), async (req, res) => {
  res.json({ user: presentUser(await getUser(userIdOf(req))) });
});

// Time zone and week start decide which calendar day "today" is and how weeks are counted; a
// change applies from now on, and recorded days keep their dates.
usersRouter.patch('/me', validate(updateProfileRules), async (req, res) => {
  const changes = inputOf<ProfileChanges>(req);
  const user = await updateProfile(userIdOf(req), changes);
  res.json({ user: presentUser(user) });
});
