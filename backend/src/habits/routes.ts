import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { cacheResponse } from '../lib/cache';
import { idempotent } from '../lib/idempotency';
import { quarterHourOf } from '../lib/time';
import type { PageQuery } from '../lib/pagination';
import { inputOf, validate } from '../lib/validate';
import { presentCompletion, presentHabit, presentStats, presentSummary } from './presenter';
import { getHabitHistory, getHabitStats, summarizeHabits } from './progress';
import {
  createHabit,
  deleteHabit,
  findHabits,
  getHabit,
  markCompletion,
  reorderHabits,
  unmarkCompletion,
  updateHabit,
  type CompletionInput,
  type HabitChanges,
  type HabitInput,
  type HabitListQuery,
} from './service';
import {
  completionRules,
  createHabitRules,
  deleteCompletionRules,
  habitContainers,
  habitIdRules,
  historyRules,
  listHabitsRules,
  reorderContainers,
  reorderRules,
  summaryRules,
  updateHabitRules,
  withoutUnsentObjects,
} from './validation';

export const habitsRouter = Router();

habitsRouter.use(requireAuth);

// Statistics are judged up to the user's today: the key holds the quarter hour, so a cached answer
// never survives midnight in any time zone (every write by the user drops it at once anyway).
const cacheUntilTheQuarterHour = cacheResponse({ varyBy: () => `q${quarterHourOf()}` });

habitsRouter.get('/', cacheResponse(), validate(listHabitsRules), async (req, res) => {
  const page = await findHabits(userIdOf(req), inputOf<HabitListQuery>(req));
  res.json({ items: page.items.map(presentHabit), nextCursor: page.nextCursor });
});

// A retried create with the same Idempotency-Key answers as the first (lib/idempotency.ts).
const replayHabit = async (userId: string, id: string) => presentHabit(await getHabit(userId, id));

habitsRouter.post(
  '/',
  validate(createHabitRules, { containers: habitContainers }),
  idempotent({ replay: replayHabit }),
  async (req, res) => {
    const input = withoutUnsentObjects(inputOf<HabitInput>(req));
    const habit = await createHabit(userIdOf(req), input);
    res.status(201).json(presentHabit(habit));
  },
);

habitsRouter.get('/summary', cacheUntilTheQuarterHour, validate(summaryRules), async (req, res) => {
  const input = inputOf<PageQuery & { date?: string }>(req);
  const dashboard = await summarizeHabits(userIdOf(req), input);
  res.json({ ...dashboard, items: dashboard.items.map(presentSummary) });
});

habitsRouter.post(
  '/reorder',
  validate(reorderRules, { containers: reorderContainers }),
  async (req, res) => {
    await reorderHabits(userIdOf(req), inputOf<{ ids: string[] }>(req).ids);
    res.status(204).end();
  },
);

habitsRouter.get('/:id', cacheResponse(), validate(habitIdRules), async (req, res) => {
  const habit = await getHabit(userIdOf(req), String(req.params.id));
  res.json(presentHabit(habit));
});

habitsRouter.patch(
  '/:id',
  validate(updateHabitRules, { containers: habitContainers }),
  async (req, res) => {
    const { id, ...changes } = withoutUnsentObjects(inputOf<HabitChanges & { id: string }>(req));
    const habit = await updateHabit(userIdOf(req), id, changes);
    res.json(presentHabit(habit));
  },
);

habitsRouter.delete('/:id', validate(habitIdRules), async (req, res) => {
  await deleteHabit(userIdOf(req), String(req.params.id));
  res.status(204).end();
});

habitsRouter.get(
  '/:id/stats',
  cacheUntilTheQuarterHour,
  validate(habitIdRules),
  async (req, res) => {
    const stats = await getHabitStats(userIdOf(req), String(req.params.id));
    res.json(presentStats(stats));
  },
);

habitsRouter.get(
  '/:id/history',
  cacheUntilTheQuarterHour,
  validate(historyRules),
  async (req, res) => {
    const { id, ...range } = inputOf<{ id: string; from?: string; to?: string }>(req);
    res.json(await getHabitHistory(userIdOf(req), id, range));
  },
);

habitsRouter.put('/:id/completions/:date', validate(completionRules), async (req, res) => {
  const { id, ...input } = inputOf<Omit<CompletionInput, 'habitId'> & { id: string }>(req);
  const completion = await markCompletion(userIdOf(req), { ...input, habitId: id });
  res.json(presentCompletion(completion));
});

habitsRouter.delete('/:id/completions/:date', validate(deleteCompletionRules), async (req, res) => {
  const { id, date } = inputOf<{ id: string; date: string }>(req);
  await unmarkCompletion(userIdOf(req), { habitId: id, date });
  res.status(204).end();
});
