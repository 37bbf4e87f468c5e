'use client';

import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import useSWR, { useSWRConfig } from 'swr';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { TextField } from '@/components/TextField';
import type { User } from '@/features/auth/types';
import { toApiError, type ApiError } from '@/lib/errors';
import { PROFILE_PATH, updateProfile } from './api';

const FIELD_LABELS = { name: 'Name', timezone: 'Time zone', weekStart: 'Week starts on' };

/** The profile form: name, the time zone that decides the user's days, the week's first day. */
export function ProfileSettings() {
  const { data, error, isLoading, mutate } = useSWR<{ user: User }, ApiError>(PROFILE_PATH);
  const { mutate: mutateAll } = useSWRConfig();
  const [form, setForm] = useState({ name: '', timezone: '', weekStart: 'monday' });
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    if (data) {
      setForm({
        name: data.user.name ?? '',
        timezone: data.user.timezone,
        weekStart: data.user.weekStart,
      });
    }
  }, [data]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaving(true);
    setSaveError(null);
    setIsSaved(false);
    try {
      await updateProfile({
        name: form.name.trim(),
        timezone: form.timezone,
        weekStart: form.weekStart as 'monday' | 'sunday',
      });
      // Every day list and statistic depends on the zone and the week start.
      await Promise.all([mutate(), mutateAll(() => true)]);
      setIsSaved(true);
    } catch (caught) {
      setSaveError(toApiError(caught));
    } finally {
      setIsSaving(false);
    }
  }

  if (isLoading) {
    return <Loading label="Loading your profile…" />;
  }

  return (
    <>
      <h2 className="section-title" id="profile-title">
        Profile
      </h2>
      <ErrorAlert error={error} onRetry={() => void mutate()} />
      <form
        className="card form"
        onSubmit={handleSubmit}
        noValidate
        aria-labelledby="profile-title"
      >
        <p className="muted">Your days are counted in your time zone, from midnight to midnight.</p>
        <ErrorAlert error={saveError} fieldLabels={FIELD_LABELS} />
        {isSaved && (
          <p role="status" className="alert alert-success">
            Profile saved.
          </p>
        )}
        <TextField
          label="Name"
          value={form.name}
          maxLength={100}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
        />
        <div className="field">
          <label htmlFor="settings-timezone">Time zone</label>
          <select
            id="settings-timezone"
            value={form.timezone}
            onChange={(event) => setForm({ ...form, timezone: event.target.value })}
          >
            {timeZones(form.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          {deviceZone !== form.timezone && (
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setForm({ ...form, timezone: deviceZone })}
            >
              Use this device’s zone ({deviceZone})
            </button>
          )}
        </div>
        <div className="field">
          <label htmlFor="settings-week-start">Week starts on</label>
          <select
            id="settings-week-start"
            value={form.weekStart}
            onChange={(event) => setForm({ ...form, weekStart: event.target.value })}
          >
            <option value="monday">Monday</option>
            <option value="sunday">Sunday</option>
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save profile'}
        </button>
      </form>
    </>
  );
}

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
