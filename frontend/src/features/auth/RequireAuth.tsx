'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { ReactNode } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { useAuth } from './AuthProvider';
import { loginPathFor } from './redirects';

/** Renders its children for a signed-in user only; sends anyone else to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, signOutReason, error, retry } = useAuth();
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    if (status !== 'signedOut') {
      return;
    }

    // After "Log out" or a deleted account there is nothing to come back to; otherwise return
    // here after signing in.
    const isDeliberate = signOutReason === 'logout' || signOutReason === 'accountDeleted';
    const returnTo = isDeliberate ? '/today' : pathname + window.location.search;
    router.replace(loginPathFor(returnTo));
  }, [status, signOutReason, pathname, router]);

  if (status === 'signedIn') {
    return children;
  }
  if (status === 'unavailable') {
    return <ErrorAlert error={error} onRetry={retry} />;
  }
  return <Loading label={status === 'loading' ? 'Checking your session…' : 'Redirecting…'} />;
}
