'use client';

import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import type { SWRConfiguration } from 'swr';

import { AuthProvider, useAuth } from '@/features/auth/AuthProvider';
import { fetchJson } from '@/lib/api';
import { toApiError } from '@/lib/errors';

const RETRIABLE_CODES = new Set(['NETWORK_ERROR', 'SERVICE_UNAVAILABLE']);

const swrConfig: SWRConfiguration = {
  fetcher: fetchJson,
  // Called once each time SWRConfig mounts, so every remount starts from an empty cache.
  provider: () => new Map(),
  // Retrying a 4xx cannot succeed; only a server or network hiccup is worth a second try.
  onErrorRetry: (error: unknown, _key, _config, revalidate, { retryCount }) => {
    if (!RETRIABLE_CODES.has(toApiError(error).code) || retryCount >= 3) {
      return;
    }
    setTimeout(() => void revalidate({ retryCount }), 2_000 * 2 ** retryCount);
  },
};

/** Client-side context for the whole app: the session, then a data cache scoped to it. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <AuthProvider>
      <SessionCache>{children}</SessionCache>
    </AuthProvider>
  );
}

// A new cache after every sign-out, so the next person on this device never sees the previous
// user's habits, even for the instant before a revalidation. A filtered mutate() would not do:
// SWR leaves paginated (useSWRInfinite) entries out of it.
function SessionCache({ children }: { children: ReactNode }) {
  const { signOutCount } = useAuth();

  return (
    <SWRConfig key={signOutCount} value={swrConfig}>
      {children}
    </SWRConfig>
  );
}
