import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { presentCompletion, presentHabit } from '../habits/presenter';
import { planDay } from '../habits/progress';
import { cacheResponse } from '../lib/cache';
import { queryLocalDate } from '../lib/fields';
import { quarterHourOf } from '../lib/time';
import { inputOf, validate } from '../lib/validate';

export const todayRouter = Router();

// The answer depends on the user's current local day and time (which day is today, what is
// overdue), so the key holds the quarter hour: a cached answer never survives midnight in any time
// zone, and a reminder time shows as passed within 15 minutes of it.
const cacheToday = cacheResponse({ varyBy: () => `q${quarterHourOf()}` });

todayRouter.get(
  '/',
  requireAuth,
  cacheToday,
  validate([queryLocalDate('date', { optional: true })]),
  async (req, res) => {
    const plan = await planDay(userIdOf(req), inputOf<{ date?: string }>(req).date);
    res.json({
      date: plan.date,
      today: plan.today,
      timeZone: plan.timeZone,
      habits: plan.habits.map(({ habit, completion, due }) => ({
        ...presentHabit(habit),
        completion: completion ? presentCompletion(completion) : null,
        due,
      })),
    });
  },
);
