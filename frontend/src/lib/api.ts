import axios from 'axios';
import type { AxiosError, InternalAxiosRequestConfig } from 'axios';

import type { Session } from '@/features/auth/types';
import { toApiError } from './errors';

export const API_BASE_URL = process.env.NEXT_PUBLIC_API_URL || '/api';

type RetriableConfig = InternalAxiosRequestConfig & { hasRetried?: boolean };

// These answer 401 for their own reasons (wrong password, no cookie): a refresh would not help,
// and refreshing from inside a refresh would loop. Logout is not among them: it needs a live
// access token, so an expired one is refreshed first, or the server session would outlive it.
const NO_REFRESH_PATHS = ['/auth/login', '/auth/register', '/auth/refresh'];

// The access token lives in this module only, never in web storage, where it would outlive the
// tab and any script on the origin could copy it later. The refresh token is an httpOnly cookie
// that scripts cannot read at all; a reload gets a new access token from it.
let accessToken: string | null = null;
let refreshInFlight: Promise<Session> | null = null;
let onSessionChange: (session: Session | null) => void = () => {};

/** The one HTTP client for the API: adds the bearer token and turns failures into ApiError. */
export const api = axios.create({
  baseURL: API_BASE_URL,
  headers: { Accept: 'application/json' },
  timeout: 15_000,
});

// A separate client for the refresh call itself, so that its 401 never re-enters the interceptor.
const authClient = axios.create({
  baseURL: API_BASE_URL,
  headers: { Accept: 'application/json' },
  timeout: 15_000,
  withCredentials: true,
});

/** Registers the one listener (the AuthProvider) told when the session starts, renews or ends. */
export function subscribeToSession(listener: (session: Session | null) => void): () => void {
  onSessionChange = listener;

  return () => {
    onSessionChange = () => {};
  };
}

/** Stores a session obtained from login or register, or clears it (null) on logout. */
export function setSession(session: Session | null): void {
  accessToken = session?.accessToken ?? null;
  onSessionChange(session);
}

/**
 * Asks for a new access token with the refresh cookie. Concurrent callers share one request,
 * because the API rotates the refresh token and a second request would present a spent one.
 * Rejects with an ApiError (UNAUTHENTICATED when there is no session).
 */
export function refreshSession(): Promise<Session> {
  refreshInFlight ??= authClient
    .post<Session>('/auth/refresh')
    .then((response) => {
      setSession(response.data);
      return response.data;
    })
    .catch((error: unknown) => {
      const apiError = toApiError(error);
      if (apiError.code === 'UNAUTHENTICATED') {
        setSession(null);
      }
      throw apiError;
    })
    .finally(() => {
      refreshInFlight = null;
    });

  return refreshInFlight;
}

/** Calls an /auth endpoint that sets the refresh cookie (login, register). */
export async function postAuth<T>(path: string, body?: unknown): Promise<T> {
  try {
    const response = await authClient.post<T>(path, body);
    return response.data;
  } catch (error) {
    throw toApiError(error);
  }
}

/** SWR fetcher: GETs a path under the API base and returns the JSON body. */
export async function fetchJson<T>(path: string): Promise<T> {
  const response = await api.get<T>(path);
  return response.data;
}

api.interceptors.request.use((config) => {
  if (accessToken) {
    config.headers.set('Authorization', `Bearer ${accessToken}`);
  }
  return config;
});

api.interceptors.response.use(undefined, async (error: unknown) => {
  const config = (error as AxiosError).config as RetriableConfig | undefined;
  const apiError = toApiError(error);
  if (apiError.code !== 'UNAUTHENTICATED' || !config || !canRefreshFor(config)) {
    throw apiError;
  }

  config.hasRetried = true;
  await renewTokenAfter(config);

  config.headers.set('Authorization', `Bearer ${accessToken}`);
  return api.request(config);
});

function canRefreshFor(config: RetriableConfig): boolean {
  const path = config.url ?? '';
  return !config.hasRetried && !NO_REFRESH_PATHS.some((prefix) => path.startsWith(prefix));
}

// The request may have been sent with a token that another request has already replaced: then
// replaying with the new token is enough, and a second refresh would waste the rotated cookie.
async function renewTokenAfter(config: RetriableConfig): Promise<void> {
  const sentToken = String(config.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
  if (accessToken && sentToken !== accessToken) {
    return;
  }

  await refreshSession();
}
