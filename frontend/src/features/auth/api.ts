import { api, postAuth, setSession } from '@/lib/api';
import { toApiError } from '@/lib/errors';
import type { Session } from './types';

export type LoginInput = { email: string; password: string };

export type RegisterInput = { email: string; password: string; name?: string; timezone?: string };

/** Signs in and keeps the access token in memory; the API sets the refresh cookie. */
export async function login(input: LoginInput): Promise<Session> {
  const session = await postAuth<Session>('/auth/login', input);

  setSession(session);
  return session;
}

/**
 * Creates the account, then signs in with it. The API answers a registration the same way whether
 * or not the email has an account (so that it reveals no one's email), and starts no session: the
 * sign-in that follows succeeds for a new account, or for an existing one when the password is
 * its own. Throws VALIDATION_FAILED, or INVALID_CREDENTIALS when the email has another password.
 */
export async function register(input: RegisterInput): Promise<Session> {
  await postAuth<unknown>('/auth/register', input);

  return login({ email: input.email, password: input.password });
}

/**
 * Ends the session on the server (clears the cookie), then forgets the access token. Throws when
 * the server could not be told, because the cookie would then sign the user back in on reload.
 */
export async function logout(): Promise<void> {
  try {
    // Through `api`, so that an expired access token is refreshed before the call is replayed.
    await api.post('/auth/logout', undefined, { withCredentials: true });
  } catch (error) {
    // UNAUTHENTICATED here means the refresh failed too: there is no session left to end.
    if (toApiError(error).code !== 'UNAUTHENTICATED') {
      throw error;
    }
  }

  setSession(null);
}

/**
 * Ends every session of the user, this one included (log out everywhere), then forgets the
 * access token. Throws when the server could not be told.
 */
export async function logoutEverywhere(): Promise<void> {
  try {
    await api.post('/auth/logout-all', undefined, { withCredentials: true });
  } catch (error) {
    if (toApiError(error).code !== 'UNAUTHENTICATED') {
      throw error;
    }
  }

  setSession(null);
}

/**
 * Deletes the account and everything in it for good, once the API has checked the password, then
 * forgets the access token: the API has already ended every session of the account. Throws an
 * ApiError naming `password` when it is wrong or missing; the account is then untouched.
 */
export async function deleteAccount(password: string): Promise<void> {
  await api.delete('/users/me', { data: { password } });

  setSession(null);
}
