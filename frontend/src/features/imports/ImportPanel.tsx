'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useSWRConfig } from 'swr';

import { toApiError } from '@/lib/errors';
import { IMPORTS_PATH, previewImport, startImport } from './api';
import type { UploadOptions } from './api';
import {
  checkImportFile,
  describeUploadFailure,
  formatFileSize,
  IMPORT_FILE_TYPES,
  REFUSED_TITLE,
} from './describe';
import type { UploadFailure } from './describe';
import { ImportJobStatus } from './ImportJobStatus';
import { ImportPreviewCard } from './ImportPreviewCard';
import { RecentImports } from './RecentImports';
import type { ImportPreview } from './types';
import { UploadProgress } from './UploadProgress';

type Step =
  | { name: 'choose' }
  | { name: 'uploading'; purpose: 'preview' | 'import'; fraction: number }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'running'; jobId: string };

/**
 * Import from another app: choose a file, see what it would import (nothing is written yet),
 * confirm, then follow the import until it is done.
 */
export function ImportPanel() {
  const { mutate } = useSWRConfig();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<UploadFailure | null>(null);
  // A new key empties the file input after an import, which React cannot do through `value`.
  const [inputKey, setInputKey] = useState(0);
  // Asks for the file input to take focus once it is shown again (the button that had focus is gone).
  const [focusRequest, setFocusRequest] = useState(0);
  const abortRef = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  useEffect(() => {
    if (focusRequest > 0) {
      inputRef.current?.focus();
    }
  }, [focusRequest]);

  // Sends the chosen file with progress; null when it was refused (the reason is shown) or cancelled.
  async function upload<T>(
    purpose: 'preview' | 'import',
    send: (file: File, options: UploadOptions) => Promise<T>,
  ): Promise<T | null> {
    if (!file) {
      return null;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setFailure(null);
    setStep({ name: 'uploading', purpose, fraction: 0 });
    try {
      return await send(file, {
        signal: controller.signal,
        onProgress: (fraction) => setStep({ name: 'uploading', purpose, fraction }),
      });
    } catch (caught) {
      // A cancelled upload is the user's choice, not a failure to report.
      setFailure(controller.signal.aborted ? null : describeUploadFailure(toApiError(caught)));
      setStep({ name: 'choose' });
      setFocusRequest((count) => count + 1);
      return null;
    } finally {
      abortRef.current = null;
    }
  }

  async function handlePreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setFailure({ title: 'No file chosen.', reason: 'Choose the file to import first.' });
      return;
    }
    const problem = checkImportFile(file);
    if (problem) {
      setFailure({ title: REFUSED_TITLE, reason: problem });
      return;
    }

    const preview = await upload('preview', previewImport);
    if (preview) {
      setStep({ name: 'preview', preview });
    }
  }

  async function handleConfirm() {
    const job = await upload('import', startImport);
    if (job) {
      setStep({ name: 'running', jobId: job.id });
      await mutate(IMPORTS_PATH);
    }
  }

  function handleStartOver() {
    abortRef.current?.abort();
    setStep({ name: 'choose' });
    setFile(null);
    setFailure(null);
    setInputKey((key) => key + 1);
    setFocusRequest((count) => count + 1);
  }

  return (
    <section className="card data-card" aria-labelledby="import-title">
      <h2 id="import-title">Import from another app</h2>
      <p className="muted">
        Bring your history from Loop Habit Tracker (its zip or CSV files), HabitBull, Strong or Hevy
        (their CSV export), or a JSON export of this app. You see what the file holds before
        anything is saved, and importing the same file twice adds nothing twice.
      </p>

      {/* Kept in the page (hidden) while the file is sent, so that after a refusal or a network
          failure the same file can be sent again without choosing it anew. */}
      <form
        className="form"
        onSubmit={(event) => void handlePreview(event)}
        noValidate
        hidden={step.name !== 'choose'}
      >
        <div className="field">
          <label htmlFor={inputId}>File to import</label>
          <input
            key={inputKey}
            ref={inputRef}
            id={inputId}
            type="file"
            accept={IMPORT_FILE_TYPES}
            aria-describedby={`${inputId}-hint`}
            aria-invalid={failure ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFailure(null);
            }}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            {file
              ? `${file.name} · ${formatFileSize(file.size)}`
              : 'A .zip, .csv or .json file of up to 64 MB.'}
          </p>
        </div>
        <button type="submit" className="button button-primary">
          Check the file
        </button>
      </form>

      {step.name === 'uploading' && (
        <UploadProgress
          fileName={file?.name ?? ''}
          fraction={step.fraction}
          stage={step.purpose === 'preview' ? 'Checking' : 'Starting the import of'}
          onCancel={handleStartOver}
        />
      )}

      {step.name === 'preview' && (
        <ImportPreviewCard
          preview={step.preview}
          onConfirm={() => void handleConfirm()}
          onCancel={handleStartOver}
        />
      )}

      {step.name === 'running' && (
        <ImportJobStatus jobId={step.jobId} onStartOver={handleStartOver} />
      )}

      <p role="status" className="visually-hidden">
        {announce(step, file)}
      </p>
      {/* Always in the page, so that a refusal is announced when its text appears. */}
      <div role="alert" className="data-alert-slot">
        {failure && (
          <div className="alert alert-error">
            <p>
              <strong>{failure.title}</strong> {failure.reason}
            </p>
          </div>
        )}
      </div>

      <RecentImports />
    </section>
  );
}

// What a screen reader hears as the steps change; the same text twice is not announced again, so
// the upload's percentage stays silent (the progress bar carries it).
function announce(step: Step, file: File | null): string {
  switch (step.name) {
    case 'choose':
    case 'running':
      return '';
    case 'uploading':
      return step.fraction < 1 ? `Sending ${file?.name ?? 'the file'}…` : 'Sent. Reading the file…';
    case 'preview':
      return 'The preview is ready.';
  }
}
