import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { cacheResponse } from '../lib/cache';
import type { PageQuery } from '../lib/pagination';
import { inputOf, validate } from '../lib/validate';
import { presentWorkout } from './presenter';
import {
  createWorkout,
  deleteWorkout,
  findWorkouts,
  getWorkout,
  updateWorkout,
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
  const page = await findWorkouts(userIdOf(req), inputOf<PageQuery>(req));
  res.json({ items: page.items.map(presentWorkout), nextCursor: page.nextCursor });
});

workoutsRouter.post(
  '/',
  validate(createWorkoutRules, { containers: createWorkoutContainers }),
  async (req, res) => {
    const workout = await createWorkout(userIdOf(req), inputOf<WorkoutInput>(req));
    res.status(201).json(presentWorkout(workout));
  },
);

workoutsRouter.get('/:id', cacheResponse(), validate(workoutIdRules), async (req, res) => {
  const workout = await getWorkout(userIdOf(req), String(req.params.id));
  res.json(presentWorkout(workout));
});

workoutsRouter.patch(
  '/:id',
  validate(updateWorkoutRules, { containers: updateWorkoutContainers }),
  async (req, res) => {
    const { id, ...changes } = inputOf<Partial<WorkoutInput> & { id: string }>(req);
    const workout = await updateWorkout(userIdOf(req), id, changes);
    res.json(presentWorkout(workout));
  },
);

workoutsRouter.delete('/:id', validate(workoutIdRules), async (req, res) => {
  await deleteWorkout(userIdOf(req), String(req.params.id));
  res.status(204).end();
});
