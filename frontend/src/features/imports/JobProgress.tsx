import { describeProgress, progressPercent } from './describe';
import type { ImportJob } from './types';

type JobProgressProps = { progress: ImportJob['progress']; label: string };

/** A running import's bar and "120 of 400 items written"; no end is shown until one is known. */
export function JobProgress({ progress, label }: JobProgressProps) {
  const isCounting = progress.total > 0;
  const text = isCounting ? describeProgress(progress) : 'Reading the file…';

  return (
    <div className="data-progress">
      <progress
        aria-label={label}
        max={100}
        value={isCounting ? progressPercent(progress) : undefined}
        aria-valuetext={text}
      />
      <p className="muted">{text}</p>
    </div>
  );
}
