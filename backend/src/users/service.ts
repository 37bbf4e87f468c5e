import { AppError, notFound } from '../lib/errors';
import { UserModel, type UserDocument } from './model';

export interface NewUser {
  email: string;
  passwordHash: string;
  name?: string;
  timezone?: string;
}

export interface ProfileChanges {
  name?: string;
  timezone?: string;
  weekStart?: 'monday' | 'sunday';
  unit?: 'kg' | 'lb';
}

/** Returns the user or throws NOT_FOUND. */
export async function getUser(userId: string): Promise<UserDocument> {
  const user = await UserModel.findById(userId);
  if (!user) {
    throw notFound('User');
  }

  return user;
}

export async function findUserByEmail(email: string): Promise<UserDocument | null> {
  return UserModel.findOne({ email: email.toLowerCase() });
}

/**
 * Creates a user; throws EMAIL_TAKEN when the email is registered already. The unique index
 * decides (FerretDB and MongoDB both answer E11000 to an insert), so a new and a taken email cost
 * the same single insert.
 */
export async function createUser(input: NewUser): Promise<UserDocument> {
  try {
    return await UserModel.create(input);
  } catch (error) {
    if ((error as { code?: unknown }).code === 11000) {
      throw emailTaken();
    }
    throw error;
  }
}

export async function updateProfile(
  userId: string,
  changes: ProfileChanges,
): Promise<UserDocument> {
  const user = await getUser(userId);
  user.set(changes);
  await user.save();

  return user;
}

function emailTaken(): AppError {
  return new AppError('EMAIL_TAKEN', 'Email already registered', {
    userMessage: 'An account with this email already exists',
    details: [{ field: 'email', message: 'Already registered' }],
  });
}

/** The unit the user reads and types weights in. */
export async function getWeightUnit(userId: string): Promise<'kg' | 'lb'> {
  return (await getUser(userId)).unit;
}

/** Deletes the user document itself; account/service.ts deletes everything else first. */
export async function deleteUser(userId: string): Promise<void> {
  await UserModel.deleteOne({ _id: userId });
}
