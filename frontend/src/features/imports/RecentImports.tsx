'use client';

import { ErrorAlert } from '@/components/ErrorAlert';
import { Loading } from '@/components/Loading';
import { formatTimeAgo } from '@/lib/dates';
import { describeFormat, describeResult } from './describe';
import { JobProgress } from './JobProgress';
import type { ImportJob } from './types';
import { useImports } from './useImports';

const STATUS_LABELS = { running: 'Running', done: 'Done', failed: 'Failed' } as const;

/** The latest imports: which file, from which app, when, and how each ended. */
export function RecentImports() {
  const { imports, error, isLoading, mutate } = useImports();

  if (isLoading) {
    return <Loading label="Loading your imports…" />;
  }

  return (
    <section className="data-section" aria-labelledby="recent-imports-title">
      <h3 id="recent-imports-title">Recent imports</h3>
      <ErrorAlert error={error} onRetry={() => void mutate()} />
      {!error && imports.length === 0 && (
        <p className="muted">You have not imported anything yet.</p>
      )}
      {imports.length > 0 && (
        <ul className="import-list" aria-labelledby="recent-imports-title">
          {imports.map((job) => (
            <ImportRow key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportRow({ job }: { job: ImportJob }) {
  const name = job.fileName ?? `${describeFormat(job.format)} file`;

  return (
    <li className="import-row">
      <div className="import-row-head">
        <span className="import-row-name">{name}</span>
        <span className={`import-status import-status-${job.status}`}>
          {STATUS_LABELS[job.status]}
        </span>
      </div>
      <p className="muted">
        {describeFormat(job.format)} · {formatTimeAgo(job.createdAt)}
      </p>
      {job.status === 'running' ? (
        <JobProgress progress={job.progress} label={`Progress of ${name}`} />
      ) : (
        <p className="import-row-outcome">{describeOutcome(job)}</p>
      )}
    </li>
  );
}

function describeOutcome(job: ImportJob): string {
  if (job.status === 'failed') {
    return job.error?.message ?? 'The import failed.';
  }
  return job.result ? describeResult(job.result) : 'Done.';
}
