'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ReactNode } from 'react';

import { useAuth } from '@/features/auth/AuthProvider';
import { RequireAuth } from '@/features/auth/RequireAuth';
import { toApiError } from '@/lib/errors';
import type { ApiError } from '@/lib/errors';
import { AppNav } from './AppNav';
import { ErrorAlert } from './ErrorAlert';

/** The frame of every signed-in page: header, navigation, and the page once the user is known. */
export function AppShell({ children }: { children: ReactNode }) {
  const { status, logout } = useAuth();
  const [isLoggingOut, setIsLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<ApiError | null>(null);

  async function handleLogout() {
    setIsLoggingOut(true);
    setLogoutError(null);
    try {
      await logout();
    } catch (error) {
      setLogoutError(toApiError(error));
    } finally {
      setIsLoggingOut(false);
    }
  }

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header-inner">
          <Link href="/today" className="brand" aria-label="Habit & Gym">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Habit &amp; Gym</span>
          </Link>
          {status === 'signedIn' && <AppNav isLoggingOut={isLoggingOut} onLogout={handleLogout} />}
        </div>
      </header>
      <main className="app-main">
        <ErrorAlert error={logoutError} />
        <RequireAuth>{children}</RequireAuth>
      </main>
    </div>
  );
}
