import { Router } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import type { PageQuery } from '../lib/pagination';
import { idempotent } from '../lib/idempotency';
import { inputOf, validate } from '../lib/validate';
import { getWeightUnit } from '../users/service';
import { entryOf } from '../workouts/entries';
import { getWorkout } from '../workouts/service';
import { presentRoutine } from './presenter';
import {
  createRoutine,
  createRoutineFromEntries,
  deleteRoutine,
  findRoutines,
  getRoutine,
  updateRoutine,
  type RoutineInput,
} from './service';
import {
  createRoutineContainers,
  createRoutineRules,
  listRoutinesRules,
  routineFromWorkoutRules,
  routineIdRules,
  updateRoutineContainers,
  updateRoutineRules,
} from './validation';

export const routinesRouter = Router();

routinesRouter.use(requireAuth);

routinesRouter.get('/', validate(listRoutinesRules), async (req, res) => {
  const userId = userIdOf(req);
  const page = await findRoutines(userId, inputOf<PageQuery>(req));

  const unit = await getWeightUnit(userId);
  res.json({
    items: page.items.map((routine) => presentRoutine(routine, unit)),
    nextCursor: page.nextCursor,
  });
});

// A retried create with the same Idempotency-Key answers as the first (lib/idempotency.ts).
const replayRoutine = async (userId: string, id: string) =>
  presentRoutine(await getRoutine(userId, id), await getWeightUnit(userId));

routinesRouter.post(
  '/',
  validate(createRoutineRules, { containers: createRoutineContainers }),
  idempotent({ replay: replayRoutine }),
  async (req, res) => {
    const userId = userIdOf(req);
    const routine = await createRoutine(userId, inputOf<RoutineInput>(req));

    res.status(201).json(presentRoutine(routine, await getWeightUnit(userId)));
  },
);

/** Saves a finished workout as a routine: its exercises, with its sets as the targets. */
routinesRouter.post(
  '/from-workout',
  validate(routineFromWorkoutRules),
  idempotent({ replay: replayRoutine }),
  async (req, res) => {
    const userId = userIdOf(req);
    const { workoutId, name } = inputOf<{ workoutId: string; name: string }>(req);
    const workout = await getWorkout(userId, workoutId);

    const exercises = workout.exercises.map(entryOf);
    const routine = await createRoutineFromEntries(userId, { name, exercises });
    res.status(201).json(presentRoutine(routine, await getWeightUnit(userId)));
  },
);

routinesRouter.get('/:id', validate(routineIdRules), async (req, res) => {
  const userId = userIdOf(req);
  const routine = await getRoutine(userId, String(req.params.id));

  res.json(presentRoutine(routine, await getWeightUnit(userId)));
});

routinesRouter.patch(
  '/:id',
  validate(updateRoutineRules, { containers: updateRoutineContainers }),
  async (req, res) => {
    const userId = userIdOf(req);
    const { id, ...changes } = inputOf<Partial<RoutineInput> & { id: string }>(req);
    const routine = await updateRoutine(userId, id, changes);

    res.json(presentRoutine(routine, await getWeightUnit(userId)));
  },
);

routinesRouter.delete('/:id', validate(routineIdRules), async (req, res) => {
  await deleteRoutine(userIdOf(req), String(req.params.id));
  res.status(204).end();
});
