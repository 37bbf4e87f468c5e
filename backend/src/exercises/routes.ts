import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import type { PageQuery } from '../lib/pagination';
import { idempotent } from '../lib/idempotency';
import { inputOf, validate } from '../lib/validate';
import { getWeightUnit } from '../users/service';
import { findExerciseHistory, findExerciseRecords } from '../workouts/performance';
import { presentExerciseRecord, presentHistoryEntry } from '../workouts/presenter';
import { EQUIPMENT, EXERCISE_KINDS, MUSCLES } from './kinds';
import { presentExercise } from './presenter';
import {
  archiveExercise,
  createExercise,
  findExercises,
  getExercise,
  updateExercise,
  type ExerciseChanges,
  type ExerciseInput,
  type ExerciseQuery,
} from './service';
import {
  createExerciseContainers,
  createExerciseRules,
  exerciseHistoryRules,
  exerciseIdRules,
  listExercisesRules,
  updateExerciseContainers,
  updateExerciseRules,
} from './validation';

export const exercisesRouter = Router();

exercisesRouter.use(requireAuth);

exercisesRouter.get('/', validate(listExercisesRules), async (req, res) => {
  const page = await findExercises(userIdOf(req), inputOf<ExerciseQuery>(req));
  res.json({ items: page.items.map(presentExercise), nextCursor: page.nextCursor });
});

/** The vocabulary of the filters and the form. */
exercisesRouter.get('/options', validate([]), (_req, res) => {
  res.json({ muscles: MUSCLES, equipment: EQUIPMENT, kinds: EXERCISE_KINDS });
});

// A retried create with the same Idempotency-Key answers as the first (lib/idempotency.ts).
const replayExercise = async (userId: string, id: string) =>
  presentExercise(await getExercise(userId, id));

exercisesRouter.post(
  '/',
  validate(createExerciseRules, { containers: createExerciseContainers }),
  idempotent({ replay: replayExercise }),
  async (req, res) => {
    const exercise = await createExercise(userIdOf(req), inputOf<ExerciseInput>(req));
    res.status(201).json(presentExercise(exercise));
  },
);

exercisesRouter.get('/:id', validate(exerciseIdRules), async (req, res) => {
  const exercise = await getExercise(userIdOf(req), String(req.params.id));
  res.json(presentExercise(exercise));
});

exercisesRouter.patch(
  '/:id',
  validate(updateExerciseRules, { containers: updateExerciseContainers }),
  async (req, res) => {
    const { id, ...changes } = inputOf<ExerciseChanges & { id: string }>(req);
    const exercise = await updateExercise(userIdOf(req), id, changes);
    res.json(presentExercise(exercise));
  },
);

exercisesRouter.delete('/:id', validate(exerciseIdRules), async (req, res) => {
  await archiveExercise(userIdOf(req), String(req.params.id));
  res.status(204).end();
});

exercisesRouter.get('/:id/history', validate(exerciseHistoryRules), async (req, res) => {
  const userId = userIdOf(req);
  const { id, ...page } = inputOf<PageQuery & { id: string }>(req);
  const exercise = await getExercise(userId, id);

  const [unit, history] = await Promise.all([
    getWeightUnit(userId),
    findExerciseHistory(userId, exercise, page),
  ]);
  res.json({
    exercise: presentExercise(exercise),
    unit,
    items: history.items.map((entry) => presentHistoryEntry(entry, unit)),
    nextCursor: history.nextCursor,
  });
});

exercisesRouter.get('/:id/records', validate(exerciseIdRules), async (req, res) => {
  const userId = userIdOf(req);
  const exercise = await getExercise(userId, String(req.params.id));

  const [unit, records] = await Promise.all([
    getWeightUnit(userId),
    findExerciseRecords(userId, exercise),
  ]);
  res.json({
    exercise: presentExercise(exercise),
    unit,
    records: records.map((record) => presentExerciseRecord(record, unit)),
  });
});
