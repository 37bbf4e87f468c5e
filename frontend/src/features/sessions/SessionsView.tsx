'use client';

import { useState } from 'react';

import { ConfirmInline } from '@/components/ConfirmInline';
import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { useAuth } from '@/features/auth/AuthProvider';
import { ProfileSettings } from '@/features/settings/ProfileSettings';
import { toApiError } from '@/lib/errors';
import type { ApiError } from '@/lib/errors';
import { SessionRow } from './SessionRow';
import { useSessions } from './useSessions';

/** The Settings page: the profile, and the devices signed in to this account with a sign-out. */
export function SessionsView() {
  const { sessions, error, isLoading, mutate } = useSessions();
  const { logoutEverywhere } = useAuth();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [logoutError, setLogoutError] = useState<ApiError | null>(null);

  async function refresh() {
    await mutate();
  }

  async function handleLogoutEverywhere() {
    setIsPending(true);
    setLogoutError(null);
    try {
      // Ends this session too: the app goes back to the login page.
      await logoutEverywhere();
    } catch (caught) {
      setLogoutError(toApiError(caught));
      setIsPending(false);
    }
  }

  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
        <p className="page-subtitle">Your profile, and where you are signed in.</p>
      </header>

      <ProfileSettings />

      <h2 className="section-title" id="devices-title">
        Signed-in devices
      </h2>
      {isLoading && <Loading label="Loading devices…" />}
      <ErrorAlert error={error} onRetry={() => void mutate()} />
      {sessions.length > 0 && (
        <ul className="card-list" aria-labelledby="devices-title">
          {sessions.map((session) => (
            <SessionRow key={session.id} session={session} onRevoked={refresh} />
          ))}
        </ul>
      )}

      {!isConfirming && (
        <button
          type="button"
          className="button button-secondary button-block"
          onClick={() => setIsConfirming(true)}
        >
          Sign out everywhere
        </button>
      )}
      {isConfirming && (
        <ConfirmInline
          question="Sign out on every device, this one included?"
          confirmLabel="Yes, sign out everywhere"
          pendingLabel="Signing out…"
          isPending={isPending}
          onConfirm={() => void handleLogoutEverywhere()}
          onCancel={() => setIsConfirming(false)}
        />
      )}
      <ErrorAlert error={logoutError} />
    </section>
  );
}
