// How imports read on screen. Pure, so that the wording is tested without a browser.

import type { ApiError } from '@/lib/errors';
import type { ImportFormat, ImportJob, ImportPreview, ImportResult } from './types';

/** The API refuses a larger upload (413); checking first spares the user a long, useless upload. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** What the file picker offers: Loop's zip or CSVs, the other apps' CSVs, our own JSON export. */
export const IMPORT_FILE_TYPES = '.zip,.csv,.json,application/zip,text/csv,application/json';

const FORMAT_NAMES: Record<ImportFormat, string> = {
  loop: 'Loop Habit Tracker',
  habitbull: 'HabitBull',
  strong: 'Strong',
  hevy: 'Hevy',
  'export-json': 'Habit & Gym (our own export)',
};

/** The app a file came from, in words; a format this client does not know yet reads as itself. */
export function describeFormat(format: string): string {
  return FORMAT_NAMES[format as ImportFormat] ?? format;
}

/** "1 habit", "3 habits", "1,204 sets". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/**
 * What a file would import: a line for habits, one for workouts, one for the exercises they use
 * (found in the catalog by name, or new ones of the user's own); empty when it holds nothing.
 */
export function describePreviewCounts(preview: ImportPreview): string[] {
  const { counts, exercises } = preview;
  const lines: string[] = [];
  if (counts.habits > 0 || counts.days > 0) {
    lines.push(
      `${pluralize(counts.habits, 'habit')} with ${pluralize(counts.days, 'day')} of history`,
    );
  }
  if (counts.workouts > 0 || counts.sets > 0) {
    lines.push(`${pluralize(counts.workouts, 'workout')} with ${pluralize(counts.sets, 'set')}`);
  }
  const distinct = exercises.matched + exercises.created;
  if (distinct > 0) {
    const parts = [
      exercises.matched > 0
        ? `${exercises.matched.toLocaleString('en-US')} found in the catalog`
        : '',
      exercises.created > 0 ? describeNewExercises(exercises.created) : '',
    ].filter(Boolean);
    lines.push(`${pluralize(distinct, 'exercise')}: ${parts.join(', ')}`);
  }
  return lines;
}

function describeNewExercises(created: number): string {
  return created === 1
    ? '1 new one of your own'
    : `${created.toLocaleString('en-US')} new ones of your own`;
}

/** "2 workouts and 30 days are already in your account and will be skipped.", or null. */
export function describeAlreadyImported(preview: ImportPreview): string | null {
  const { habits, days, workouts } = preview.alreadyImported;
  const parts = [
    habits > 0 ? pluralize(habits, 'habit') : '',
    days > 0 ? pluralize(days, 'day') : '',
    workouts > 0 ? pluralize(workouts, 'workout') : '',
  ].filter(Boolean);
  if (parts.length === 0) {
    return null;
  }

  const verb = parts.length === 1 && habits + days + workouts === 1 ? 'is' : 'are';
  return `${joinWords(parts)} ${verb} already in your account and will be skipped.`;
}

/** True when confirming would write nothing at all. */
export function isNothingNew(preview: ImportPreview): boolean {
  const { counts, alreadyImported } = preview;
  return (
    counts.habits <= alreadyImported.habits &&
    counts.days <= alreadyImported.days &&
    counts.workouts <= alreadyImported.workouts
  );
}

/** "4 problems found: the parts of the file they name will be left out." */
export function describeProblemCount(problemCount: number): string {
  const what =
    problemCount === 1 ? 'the part of the file it names' : 'the parts of the file they name';
  return `${pluralize(problemCount, 'problem')} found: ${what} will be left out.`;
}

/** "and 250 more" below a table that lists only the first problems, or null when it lists all. */
export function describeMoreProblems(problemCount: number, listed: number): string | null {
  const more = problemCount - listed;
  return more > 0 ? `and ${more.toLocaleString('en-US')} more` : null;
}

/** What a finished import wrote: "Imported 2 habits (35 days) and 10 workouts (159 sets)." */
export function describeResult(result: ImportResult): string {
  const parts = [
    result.habits > 0 || result.days > 0
      ? `${pluralize(result.habits, 'habit')} (${pluralize(result.days, 'day')})`
      : '',
    result.workouts > 0 || result.sets > 0
      ? `${pluralize(result.workouts, 'workout')} (${pluralize(result.sets, 'set')})`
      : '',
  ].filter(Boolean);
  const written = parts.length > 0 ? `Imported ${joinWords(parts)}.` : 'Nothing new was imported.';
  // Skipped: already in the account from an earlier import, or left out as a problem.
  const skipped =
    result.skipped > 0
      ? ` ${pluralize(result.skipped, 'item')} ${result.skipped === 1 ? 'was' : 'were'} skipped (already imported, or left out).`
      : '';
  return `${written}${skipped}`;
}

/** A job's progress as a whole percentage, 0 to 100; a job with nothing to write counts as done. */
export function progressPercent(progress: ImportJob['progress']): number {
  if (progress.total <= 0) {
    return 100;
  }
  return Math.min(100, Math.max(0, Math.floor((progress.done / progress.total) * 100)));
}

/** "120 of 400 items written". */
export function describeProgress(progress: ImportJob['progress']): string {
  return `${progress.done.toLocaleString('en-US')} of ${pluralize(progress.total, 'item')} written`;
}

/** "16 KB", "2.5 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) {
    return pluralize(bytes, 'byte');
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Why a file cannot be imported, before it is sent; null when it may be sent. */
export function checkImportFile(file: { size: number }): string | null {
  if (file.size === 0) {
    return 'The file is empty. Choose the file your other app exported.';
  }
  if (file.size > MAX_IMPORT_BYTES) {
    return `The file is ${formatFileSize(file.size)}, larger than the ${formatFileSize(MAX_IMPORT_BYTES)} an import takes.`;
  }
  return null;
}

/** Why a file was not taken: a title for what happened, then the reason. */
export type UploadFailure = { title: string; reason: string };

export const REFUSED_TITLE = 'The file cannot be imported.';

/**
 * Why an upload failed, in words. A refused file is named in `details` with a reason written for
 * people (empty, truncated, not an export …); anything else (network, server) keeps the client's
 * usual message, under a title that does not blame the file.
 */
export function describeUploadFailure(error: ApiError): UploadFailure {
  const fileDetail = error.details.find((detail) => detail.field === 'file');
  if (fileDetail) {
    return { title: REFUSED_TITLE, reason: fileDetail.message };
  }
  if (error.code === 'PAYLOAD_TOO_LARGE') {
    return {
      title: REFUSED_TITLE,
      reason: `The file is larger than the ${formatFileSize(MAX_IMPORT_BYTES)} an import takes.`,
    };
  }
  if (error.code === 'CONFLICT') {
    return {
      title: 'Another import is still running.',
      reason: 'Wait for it to finish (see Recent imports), then try again.',
    };
  }
  return { title: 'The file could not be sent.', reason: error.message };
}

function joinWords(parts: string[]): string {
  if (parts.length <= 1) {
    return parts.join('');
  }
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
