'use client';

import { useState } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { toApiError } from '@/lib/errors';
import type { ApiError } from '@/lib/errors';
import { downloadExport, EXPORT_FILES } from './api';
import type { ExportKind } from './api';

const KINDS = Object.keys(EXPORT_FILES) as ExportKind[];

/** Take your data with you: everything as JSON, or habits and workouts as CSV. */
export function ExportPanel() {
  const [pending, setPending] = useState<ExportKind | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function handleExport(kind: ExportKind) {
    setPending(kind);
    setSaved(null);
    setError(null);
    try {
      setSaved(await downloadExport(kind));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(null);
    }
  }

  return (
    <section className="card data-card" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p className="muted">
        Your data stays yours. The JSON file holds everything and can be imported into a new account
        unchanged; the CSV files open in any spreadsheet.
      </p>
      <ul className="export-list">
        {KINDS.map((kind) => (
          <li key={kind} className="export-item">
            <div>
              <span className="export-label">{EXPORT_FILES[kind].label}</span>
              <p className="muted">{EXPORT_FILES[kind].description}</p>
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void handleExport(kind)}
              disabled={pending !== null}
              aria-label={`${pending === kind ? 'Preparing' : 'Download'} ${EXPORT_FILES[kind].label}`}
            >
              {pending === kind ? 'Preparing…' : 'Download'}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className={saved ? 'alert alert-success' : 'visually-hidden'}>
        {saved ? `Saved ${saved}.` : ''}
      </p>
      <ErrorAlert error={error} title="The export could not be downloaded." />
    </section>
  );
}
