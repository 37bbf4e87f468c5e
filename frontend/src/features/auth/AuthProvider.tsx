'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';

import { refreshSession, subscribeToSession } from '@/lib/api';
import { toApiError } from '@/lib/errors';
import type { ApiError } from '@/lib/errors';
import * as authApi from './api';
import type { LoginInput, RegisterInput } from './api';
import type { Session, User } from './types';

/**
 * loading: the first refresh has not answered yet; unavailable: it failed for a reason other
 * than "no session" (server down, network), so we do not know whether the user is signed in.
 */
export type AuthStatus = 'loading' | 'signedIn' | 'signedOut' | 'unavailable';

/**
 * Why a signed-in user became signed out: they asked to, they deleted their account, or their
 * session could not be renewed.
 */
export type SignOutReason = 'logout' | 'accountDeleted' | 'expired';

type AuthState = {
  status: AuthStatus;
  user: User | null;
  error: ApiError | null;
  signOutReason: SignOutReason | null;
  signOutCount: number;
};

export type AuthContextValue = AuthState & {
  login: (input: LoginInput) => Promise<User>;
  register: (input: RegisterInput) => Promise<User>;
  logout: () => Promise<void>;
  logoutEverywhere: () => Promise<void>;
  /** Deletes the account (the password confirms it) and signs out. */
  deleteAccount: (password: string) => Promise<void>;
  retry: () => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

const INITIAL_STATE: AuthState = {
  status: 'loading',
  user: null,
  error: null,
  signOutReason: null,
  signOutCount: 0,
};

/** Restores the session from the refresh cookie on load and keeps the signed-in user. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(INITIAL_STATE);
  // Set while a sign-out the user asked for is under way, so that its end is not taken for expiry.
  const pendingSignOut = useRef<SignOutReason | null>(null);

  useEffect(() => {
    return subscribeToSession((session: Session | null) => {
      // Read now: the updater may run after logout() has reset the ref.
      const reason = pendingSignOut.current ?? 'expired';
      setState((previous) => nextState(previous, session, reason));
    });
  }, []);

  const restoreSession = useCallback(() => {
    setState((previous) => ({ ...previous, status: 'loading', error: null }));
    refreshSession().catch((error: unknown) => {
      const apiError = toApiError(error);
      if (apiError.code === 'UNAUTHENTICATED') {
        return; // The session listener has already marked the user signed out.
      }
      setState((previous) => ({ ...previous, status: 'unavailable', error: apiError }));
    });
  }, []);

  useEffect(restoreSession, [restoreSession]);

  // Marks the sign-out as asked for, so the login page does not say the session expired.
  const signOutWith = useCallback(async (reason: SignOutReason, end: () => Promise<void>) => {
    pendingSignOut.current = reason;
    try {
      await end();
    } finally {
      pendingSignOut.current = null;
    }
  }, []);
  const logout = useCallback(() => signOutWith('logout', authApi.logout), [signOutWith]);
  const logoutEverywhere = useCallback(
    () => signOutWith('logout', authApi.logoutEverywhere),
    [signOutWith],
  );
  const deleteAccount = useCallback(
    (password: string) => signOutWith('accountDeleted', () => authApi.deleteAccount(password)),
    [signOutWith],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      ...state,
      login: async (input) => (await authApi.login(input)).user,
      register: async (input) => (await authApi.register(input)).user,
      logout,
      logoutEverywhere,
      deleteAccount,
      retry: restoreSession,
    }),
    [state, logout, logoutEverywhere, deleteAccount, restoreSession],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}

/** The signed-in user and the auth actions. Must be used under AuthProvider. */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error('useAuth must be used inside AuthProvider');
  }
  return value;
}

function nextState(previous: AuthState, session: Session | null, reason: SignOutReason): AuthState {
  if (session) {
    return {
      ...previous,
      status: 'signedIn',
      user: session.user,
      error: null,
      signOutReason: null,
    };
  }

  const wasSignedIn = previous.status === 'signedIn';
  return {
    ...previous,
    status: 'signedOut',
    user: null,
    error: null,
    signOutReason: wasSignedIn ? reason : previous.signOutReason,
    signOutCount: wasSignedIn ? previous.signOutCount + 1 : previous.signOutCount,
  };
}
