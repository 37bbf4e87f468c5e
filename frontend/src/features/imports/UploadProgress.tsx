'use client';

import { useId } from 'react';

type UploadProgressProps = {
  fileName: string;
  /** How much of the file has been sent, from 0 to 1. */
  fraction: number;
  /** "Checking" or "Starting the import of", followed by the file's name. */
  stage: string;
  onCancel: () => void;
};

/** The file on its way to the server, then the wait while the server reads it. */
export function UploadProgress({ fileName, fraction, stage, onCancel }: UploadProgressProps) {
  const labelId = useId();
  const percent = Math.round(fraction * 100);
  const isSent = fraction >= 1;

  return (
    <div className="data-progress">
      <p id={labelId} className="progress-label">
        {stage} {fileName}
      </p>
      {/* Without a value the bar shows that the server is busy, with no end yet known. */}
      <progress
        aria-labelledby={labelId}
        max={100}
        value={isSent ? undefined : percent}
        aria-valuetext={isSent ? 'Reading the file' : `${percent}% sent`}
      />
      <p className="muted">{isSent ? 'Sent. Reading the file…' : `Sending… ${percent}%`}</p>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
