import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { presentCompletion, presentHabit } from '../habits/presenter';
import { findHabitsForDay } from '../habits/service';
import { cacheResponse } from '../lib/cache';
import { queryLocalDate } from '../lib/fields';
import { localDateIn, quarterHourOf } from '../lib/time';
import { inputOf, validate } from '../lib/validate';
import { getUser } from '../users/service';

export const todayRouter = Router();

// Without `date` the answer is for the user's current local day: the key then holds the quarter
// hour, so a cached "today" never survives midnight in any time zone.
const cacheToday = cacheResponse({
  varyBy: (req) => (req.query.date === undefined ? `q${quarterHourOf()}` : ''),
});

todayRouter.get(
  '/',
  requireAuth,
  cacheToday,
  validate([queryLocalDate('date', { optional: true })]),
  async (req, res) => {
    const userId = userIdOf(req);
    const input = inputOf<{ date?: string }>(req);
    const date = input.date ?? localDateIn((await getUser(userId)).timezone);

    const entries = await findHabitsForDay(userId, date);
    res.json({
      date,
      habits: entries.map(({ habit, completion }) => ({
        ...presentHabit(habit),
        completion: completion ? presentCompletion(completion) : null,
      })),
    });
  },
);
