import { endAllSessions } from '../auth/sessions';
import { verifyPassword } from '../auth/password';
import { deleteAllBodyWeights } from '../body-weights/service';
import { deleteAllOwnExercises } from '../exercises/service';
import { deleteAllHabits } from '../habits/service';
import { deleteAllImports } from '../imports/service';
import { deleteUserCache } from '../lib/cache';
import { AppError } from '../lib/errors';
import { deleteAllRoutines } from '../routines/service';
import { deleteUser, getUser } from '../users/service';
import { deleteAllWorkouts } from '../workouts/service';

/**
 * Deletes the account and everything it owns, after checking its password: first every session
 * (so no token of it works any more), then its imports (a running one stops at its next step),
 * its data in every collection, its cached responses, and the user last, so that a deletion cut
 * short leaves an account that can sign in and delete again. Throws FORBIDDEN naming `password`
 * for a wrong password, writing nothing.
 */
export async function deleteAccount(userId: string, password: string): Promise<void> {
  const user = await getUser(userId);
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError('FORBIDDEN', 'Wrong password for account deletion', {
      userMessage: 'The password is not right',
      details: [{ field: 'password', message: 'Not your password' }],
    });
  }

  await endAllSessions(userId);
  await deleteAllImports(userId);
  await deleteAllWorkouts(userId);
  await deleteAllRoutines(userId);
  await deleteAllHabits(userId);
  await deleteAllOwnExercises(userId);
  await deleteAllBodyWeights(userId);
  await deleteUserCache(userId);
  await deleteUser(userId);
}
