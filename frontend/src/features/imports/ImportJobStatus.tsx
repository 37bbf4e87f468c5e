'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { useSWRConfig } from 'swr';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { describeFormat, describeResult } from './describe';
import { JobProgress } from './JobProgress';
import type { ImportJob } from './types';
import { useImportJob } from './useImportJob';

type ImportJobStatusProps = { jobId: string; onStartOver: () => void };

/** A running import's progress bar, then what it imported or why it failed. */
export function ImportJobStatus({ jobId, onStartOver }: ImportJobStatusProps) {
  const { job, error, mutate } = useImportJob(jobId);
  const { mutate: mutateAll } = useSWRConfig();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const status = job?.status;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Every list may now hold imported habits and workouts: refresh them all once, at the end.
  useEffect(() => {
    if (status === 'done' || status === 'failed') {
      void mutateAll(() => true);
    }
  }, [status, mutateAll]);

  return (
    <div className="import-job" role="region" aria-labelledby="import-job-title">
      <h3 id="import-job-title" ref={headingRef} tabIndex={-1}>
        {job ? `Import from ${describeFormat(job.format)}` : 'Import'}
      </h3>
      {!job && !error && <Loading label="Starting the import…" />}
      <ErrorAlert
        error={error}
        title="The import’s progress could not be loaded."
        onRetry={() => void mutate()}
      />
      {job && <JobState job={job} />}
      {/* One region that stays in the page, so that each change of state is announced once and
          the ticking numbers are not announced at all. */}
      <p role="status" className="visually-hidden">
        {job ? announce(job) : ''}
      </p>
      {job && job.status !== 'running' && (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={onStartOver}>
            Import another file
          </button>
          {job.status === 'done' && (job.result?.workouts ?? 0) > 0 && (
            <Link href="/workouts" className="button button-ghost">
              See your workouts
            </Link>
          )}
          {job.status === 'done' && (job.result?.habits ?? 0) > 0 && (
            <Link href="/habits" className="button button-ghost">
              See your habits
            </Link>
          )}
        </div>
      )}
    </div>
  );
}

function JobState({ job }: { job: ImportJob }) {
  if (job.status === 'running') {
    return <JobProgress progress={job.progress} label="Import progress" />;
  }
  if (job.status === 'failed') {
    return (
      <div className="alert alert-error">
        <p>
          <strong>The import failed.</strong>{' '}
          {job.error?.message ?? 'Something went wrong on the server.'}
        </p>
        <p>Importing the same file again skips whatever is already in your account.</p>
      </div>
    );
  }

  return (
    <div className="alert alert-success">
      <p>
        <strong>Import done.</strong> {job.result ? describeResult(job.result) : ''}
      </p>
    </div>
  );
}

function announce(job: ImportJob): string {
  switch (job.status) {
    case 'running':
      return 'Importing…';
    case 'done':
      return `Import done. ${job.result ? describeResult(job.result) : ''}`;
    case 'failed':
      return `The import failed. ${job.error?.message ?? ''}`;
  }
}
