import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { presentCompletion, presentHabit } from '../habits/presenter';
import { planDay } from '../habits/progress';
import { queryLocalDate } from '../lib/fields';
import { inputOf, validate } from '../lib/validate';

export const todayRouter = Router();

todayRouter.get(
  '/',
  requireAuth,
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
