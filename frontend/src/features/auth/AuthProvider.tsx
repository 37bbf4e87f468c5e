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

/** Why a signed-in user became signed out: they asked to, or their session could not be renewed. */
export type SignOutReason = 'logout' | 'expired';

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
  const isLoggingOut = useRef(false);

  useEffect(() => {
    return subscribeToSession((session: Session | null) => {
      // Read now: the updater may run after logout() has reset the ref.
      const reason = isLoggingOut.current ? 'logout' : 'expired';
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
  const signOutWith = useCallback(async (end: () => Promise<void>) => {
    isLoggingOut.current = true;
    try {
      await end();
    } finally {
      isLoggingOut.current = false;
    }
  }, []);
  const logout = useCallback(() => signOutWith(authApi.logout), [signOutWith]);
  const logoutEverywhere = useCallback(() => signOutWith(authApi.logoutEverywhere), [signOutWith]);

  const value = useMemo<AuthContextValue>(
    () => ({
      ...state,
      login: async (input) => (await authApi.login(input)).user,
      register: async (input) => (await authApi.register(input)).user,
      logout,
      logoutEverywhere,
      retry: restoreSession,
    }),
    [state, logout, logoutEverywhere, restoreSession],
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
