import { Router } from 'express';

import { deleteAccount } from '../account/service';
import { requireAuth, userIdOf } from '../auth/middleware';
import { passwordCheckLimit } from '../lib/rate-limit';
import { inputOf, validate } from '../lib/validate';
import { presentUser } from './presenter';
import { getUser, updateProfile, type ProfileChanges } from './service';
import { deleteAccountRules, updateProfileRules } from './validation';

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

// Deleting the account needs its password again: an access token alone (a borrowed laptop, a
// stolen token) must not be enough to erase everything.
usersRouter.delete(
  '/me',
  validate(deleteAccountRules),
  passwordCheckLimit(userIdOf),
  async (req, res) => {
    const { password } = inputOf<{ password: string }>(req);
    await deleteAccount(userIdOf(req), password);
    // The account is gone with its cache: nothing is left for the write's cache invalidation to
    // bump, and bumping would only make a new key for a user who no longer exists.
    req.auth = undefined;
    res.status(204).end();
  },
);
