'use client';

import { useEffect, useRef } from 'react';

import {
  describeAlreadyImported,
  describeFormat,
  describeMoreProblems,
  describePreviewCounts,
  describeProblemCount,
  isNothingNew,
} from './describe';
import type { ImportPreview } from './types';

type ImportPreviewCardProps = {
  preview: ImportPreview;
  onConfirm: () => void;
  onCancel: () => void;
};

/** What a file holds and what importing it would add, with Confirm and Cancel. */
export function ImportPreviewCard({ preview, onConfirm, onCancel }: ImportPreviewCardProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const counts = describePreviewCounts(preview);
  const skipped = describeAlreadyImported(preview);
  const more = describeMoreProblems(preview.problemCount, preview.problems.length);
  const hasNothingNew = counts.length === 0 || isNothingNew(preview);

  // The preview replaces the form the user was in: take keyboard and screen reader focus along.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="import-preview" aria-labelledby="import-preview-title" role="region">
      <h3 id="import-preview-title" ref={headingRef} tabIndex={-1}>
        Preview: {describeFormat(preview.format)} export
      </h3>
      {preview.fileName && <p className="muted">{preview.fileName}</p>}

      {counts.length > 0 ? (
        <ul className="import-counts" aria-label="Found in the file">
          {counts.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>The file holds no habits and no workouts.</p>
      )}
      {skipped && <p className="alert alert-info">{skipped}</p>}
      {hasNothingNew && counts.length > 0 && (
        <p>Everything in this file is already in your account: importing it would add nothing.</p>
      )}

      {preview.problemCount > 0 && (
        <div className="import-problems">
          <p className="alert alert-info">{describeProblemCount(preview.problemCount)}</p>
          <div className="table-scroll" tabIndex={0} aria-labelledby="import-problems-caption">
            <table className="data-table">
              <caption id="import-problems-caption">Problems found in the file</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">File</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {preview.problems.map((problem, index) => (
                  <tr key={`${problem.file ?? ''}:${problem.line ?? ''}:${index}`}>
                    <td className="data-table-number">{problem.line ?? '–'}</td>
                    <td>{problem.file ?? '–'}</td>
                    <td>{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more && <p className="muted">{more}</p>}
        </div>
      )}

      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          onClick={onConfirm}
          disabled={counts.length === 0}
        >
          Confirm import
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
