'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { useAuth } from './AuthProvider';

/** "/" has no page of its own: it sends the user to Today, or to the login page. */
export function HomeRedirect() {
  const { status, error, retry } = useAuth();
  const router = useRouter();

  useEffect(() => {
    if (status === 'signedIn') {
      router.replace('/today');
    }
    if (status === 'signedOut') {
      router.replace('/login');
    }
  }, [status, router]);

  return (
    <main className="auth-page">
      {status === 'unavailable' ? (
        <ErrorAlert error={error} onRetry={retry} />
      ) : (
        <Loading label="Opening your tracker…" />
      )}
    </main>
  );
}
