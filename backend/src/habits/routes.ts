import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { cacheResponse } from '../lib/cache';
import type { PageQuery } from '../lib/pagination';
import { inputOf, validate } from '../lib/validate';
import { presentCompletion, presentHabit } from './presenter';
import {
  createHabit,
  deleteHabit,
  findHabits,
  getHabit,
  markCompletion,
  unmarkCompletion,
  updateHabit,
  type HabitInput,
} from './service';
import {
  completionRules,
  createHabitRules,
  deleteCompletionRules,
  habitIdRules,
  listHabitsRules,
  updateHabitRules,
} from './validation';

export const habitsRouter = Router();

habitsRouter.use(requireAuth);

habitsRouter.get('/', cacheResponse(), validate(listHabitsRules), async (req, res) => {
  const page = await findHabits(userIdOf(req), inputOf<PageQuery>(req));
  res.json({ items: page.items.map(presentHabit), nextCursor: page.nextCursor });
});

habitsRouter.post('/', validate(createHabitRules), async (req, res) => {
  const habit = await createHabit(userIdOf(req), inputOf<HabitInput>(req));
  res.status(201).json(presentHabit(habit));
});

habitsRouter.get('/:id', cacheResponse(), validate(habitIdRules), async (req, res) => {
  const habit = await getHabit(userIdOf(req), String(req.params.id));
  res.json(presentHabit(habit));
});

habitsRouter.patch('/:id', validate(updateHabitRules), async (req, res) => {
  const { id, ...changes } = inputOf<Partial<HabitInput> & { id: string }>(req);
  const habit = await updateHabit(userIdOf(req), id, changes);
  res.json(presentHabit(habit));
});

habitsRouter.delete('/:id', validate(habitIdRules), async (req, res) => {
  await deleteHabit(userIdOf(req), String(req.params.id));
  res.status(204).end();
});

habitsRouter.put('/:id/completions/:date', validate(completionRules), async (req, res) => {
  const { id, date, note } = inputOf<{ id: string; date: string; note?: string }>(req);
  const completion = await markCompletion(userIdOf(req), { habitId: id, date, note });
  res.json(presentCompletion(completion));
});

habitsRouter.delete('/:id/completions/:date', validate(deleteCompletionRules), async (req, res) => {
  const { id, date } = inputOf<{ id: string; date: string }>(req);
  await unmarkCompletion(userIdOf(req), { habitId: id, date });
  res.status(204).end();
});
