import { WorkoutModel } from './model';

/**
 * The filter for the workouts after the cursor in newest-first order (by start, then id); empty
 * when the cursor names no workout of the user.
 */
export async function startedBeforeCursor(
  userId: string,
  cursor: string | undefined,
): Promise<Record<string, unknown>> {
  const after = cursor
    ? await WorkoutModel.findOne({ _id: cursor, userId }, { startedAt: 1 })
    : null;
  if (!after) {
    return {};
  }

  return {
    $or: [
      { startedAt: { $lt: after.startedAt } },
      { startedAt: after.startedAt, _id: { $lt: after._id } },
    ],
  };
}
