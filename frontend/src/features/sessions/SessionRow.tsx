'use client';

import { useState } from 'react';

import { ConfirmInline } from '@/components/ConfirmInline';
import { ErrorAlert } from '@/components/ErrorAlert';
import { formatShortDate, formatTimeAgo } from '@/lib/dates';
import { toApiError } from '@/lib/errors';
import type { ApiError } from '@/lib/errors';
import { revokeSession } from './api';
import { describeDevice } from './device';
import type { DeviceSession } from './types';

type SessionRowProps = { session: DeviceSession; onRevoked: () => Promise<void> };

/** One signed-in device: what it is, when it was last used, and a confirmed "Sign out". */
export function SessionRow({ session, onRevoked }: SessionRowProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isRevoking, setIsRevoking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const name = describeDevice(session.device);

  async function handleRevoke() {
    setIsRevoking(true);
    setError(null);
    try {
      await revokeSessionIfPresent(session.id);
      await onRevoked();
    } catch (caught) {
      setError(toApiError(caught));
      setIsRevoking(false);
    }
  }

  return (
    <li className="card session-row" aria-label={name}>
      <div className="session-row-main">
        <div className="session-row-text">
          <span className="session-device" title={session.device}>
            {name}
            {session.isCurrent && <span className="badge">This device</span>}
          </span>
          <span className="muted">
            Last active {formatTimeAgo(session.lastUsedAt)} · signed in{' '}
            {formatShortDate(session.createdAt)}
          </span>
        </div>
        {!session.isCurrent && !isConfirming && (
          <button
            type="button"
            className="button button-ghost button-small button-danger-text"
            aria-label={`Sign out ${name}`}
            onClick={() => {
              setError(null);
              setIsConfirming(true);
            }}
          >
            Sign out
          </button>
        )}
      </div>
      {isConfirming && (
        <ConfirmInline
          question={`Sign out ${name}? It will need the password to sign in again.`}
          confirmLabel="Yes, sign out"
          pendingLabel="Signing out…"
          isPending={isRevoking}
          onConfirm={() => void handleRevoke()}
          onCancel={() => setIsConfirming(false)}
        />
      )}
      <ErrorAlert error={error} />
    </li>
  );
}

// A device that another tab already signed out is gone, which is what the user asked for.
async function revokeSessionIfPresent(sessionId: string): Promise<void> {
  try {
    await revokeSession(sessionId);
  } catch (error) {
    if (toApiError(error).code !== 'NOT_FOUND') {
      throw error;
    }
  }
}
