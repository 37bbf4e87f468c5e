'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';

import { ErrorAlert } from '@/components/ErrorAlert';
import { updateProfile } from '@/features/settings/api';
import { toApiError, type ApiError } from '@/lib/errors';

/**
 * Shown when this device's time zone is not the profile's (after a flight, say): days are
 * counted in the profile's zone until the user switches it, so nothing moves by surprise.
 */
export function ZoneNotice({ profileZone }: { profileZone: string }) {
  const { mutate } = useSWRConfig();
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!deviceZone || deviceZone === profileZone) {
    return null;
  }

  async function handleSwitch() {
    setIsSaving(true);
    setError(null);
    try {
      await updateProfile({ timezone: deviceZone });
      await mutate(() => true);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <div className="alert alert-info" role="note">
      <p>
        Days are counted in {profileZone}, your profile’s time zone; this device is in {deviceZone}.
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => void handleSwitch()}
        disabled={isSaving}
      >
        {isSaving ? 'Switching…' : `Use ${deviceZone}`}
      </button>
      <ErrorAlert error={error} />
    </div>
  );
}
