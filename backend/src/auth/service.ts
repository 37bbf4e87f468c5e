import { AppError } from '../lib/errors';
import { createUser, findUserByEmail, getUser } from '../users/service';
import type { UserDocument } from '../users/model';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { createSession, rotateSession } from './sessions';
import { signAccessToken } from './tokens';

export interface Registration {
  email: string;
  password: string;
  name?: string;
  timezone?: string;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface SignedIn {
  user: UserDocument;
  accessToken: string;
  /** Null when a refresh was answered within the rotation grace window. */
  refreshToken: string | null;
}

async function startSession(user: UserDocument, device: string): Promise<SignedIn> {
  const { sessionId, refreshToken } = await createSession(user.id, device);
  const accessToken = signAccessToken({ userId: user.id, sessionId });

  return { user, accessToken, refreshToken };
}

/**
 * Creates an account unless the email has one already. Both cases do the same work (one bcrypt
 * hash, one insert that the unique index may refuse) and the caller answers both alike, so
 * registration does not reveal which emails are registered; no session is started either way,
 * the client signs in next. Returns whether an account was created.
 */
export async function register({ password, ...profile }: Registration): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  try {
    await createUser({ ...profile, passwordHash });

    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'EMAIL_TAKEN') {
      return false;
    }
    throw error;
  }
}

/** Signs in; an unknown email and a wrong password give the same error after the same work. */
export async function login({ email, password }: Credentials, device: string): Promise<SignedIn> {
  const user = await findUserByEmail(email);
  const isValid = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstDummy(password);
  if (!user || !isValid) {
    throw new AppError('INVALID_CREDENTIALS', 'Invalid email or password', {
      userMessage: 'Email or password is incorrect',
    });
  }

  return startSession(user, device);
}

export async function refresh(refreshToken: string): Promise<SignedIn> {
  const rotated = await rotateSession(refreshToken);
  const user = await getUser(rotated.userId);
  const accessToken = signAccessToken({ userId: rotated.userId, sessionId: rotated.sessionId });

  return { user, accessToken, refreshToken: rotated.refreshToken };
}
