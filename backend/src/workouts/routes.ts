import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { cacheResponse } from '../lib/cache';
import { idempotent } from '../lib/idempotency';
import type { PageQuery } from '../lib/pagination';
import { inputOf, validate } from '../lib/validate';
import { getWeightUnit } from '../users/service';
import { findWorkoutRecords } from './performance';
import { presentWorkout } from './presenter';
import {
  createWorkout,
  deleteWorkout,
  findWorkouts,
  getWorkout,
  updateWorkout,
  type WorkoutChanges,
  type WorkoutInput,
} from './service';
import {
  createWorkoutContainers,
  createWorkoutRules,
  listWorkoutsRules,
  updateWorkoutContainers,
  updateWorkoutRules,
  workoutIdRules,
} from './validation';

export const workoutsRouter = Router();

workoutsRouter.use(requireAuth);

workoutsRouter.get('/', cacheResponse(), validate(listWorkoutsRules), async (req, res) => {
  const userId = userIdOf(req);
  const page = await findWorkouts(userId, inputOf<PageQuery>(req));

  const unit = await getWeightUnit(userId);
  res.json({
    items: page.items.map((workout) => presentWorkout(workout, unit)),
    nextCursor: page.nextCursor,
  });
});

// A retried create with the same Idempotency-Key answers as the first (lib/idempotency.ts); a
// repeated clientId answers 200 with the workout saved before (a retry or a double tap).
const replayWorkout = async (userId: string, id: string) => {
  const workout = await getWorkout(userId, id);
  const [unit, records] = await Promise.all([
    getWeightUnit(userId),
    findWorkoutRecords(userId, workout),
  ]);

  return presentWorkout(workout, unit, records);
};

workoutsRouter.post(
  '/',
  validate(createWorkoutRules, { containers: createWorkoutContainers }),
  idempotent({ replay: replayWorkout }),
  async (req, res) => {
    const userId = userIdOf(req);
    const { workout, created } = await createWorkout(userId, inputOf<WorkoutInput>(req));

    const [unit, records] = await Promise.all([
      getWeightUnit(userId),
      findWorkoutRecords(userId, workout),
    ]);
    res.status(created ? 201 : 200).json(presentWorkout(workout, unit, records));
  },
);

workoutsRouter.get('/:id', cacheResponse(), validate(workoutIdRules), async (req, res) => {
  const userId = userIdOf(req);
  const workout = await getWorkout(userId, String(req.params.id));

  const [unit, records] = await Promise.all([
    getWeightUnit(userId),
    findWorkoutRecords(userId, workout),
  ]);
  res.json(presentWorkout(workout, unit, records));
});

workoutsRouter.patch(
  '/:id',
  validate(updateWorkoutRules, { containers: updateWorkoutContainers }),
  async (req, res) => {
    const userId = userIdOf(req);
    const { id, ...changes } = inputOf<WorkoutChanges & { id: string }>(req);
    const workout = await updateWorkout(userId, id, changes);

    const [unit, records] = await Promise.all([
      getWeightUnit(userId),
      findWorkoutRecords(userId, workout),
    ]);
    res.json(presentWorkout(workout, unit, records));
  },
);

workoutsRouter.delete('/:id', validate(workoutIdRules), async (req, res) => {
  await deleteWorkout(userIdOf(req), String(req.params.id));
  res.status(204).end();
});
