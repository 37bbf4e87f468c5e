// The shapes of /api/imports (see IMPORT-CONTRACT in the issue 8 notes and docs/EXPORT-SCHEMA.md).

export type ImportFormat = 'loop' | 'habitbull' | 'strong' | 'hevy' | 'export-json';

export type ImportCounts = {
  habits: number;
  days: number;
  workouts: number;
  sets: number;
  exercises: number;
};

/** A row the importer could not read; line and file are null when the problem has no place. */
export type ImportProblem = { line: number | null; file: string | null; reason: string };

/** What a file would import, before anything is written. */
export type ImportPreview = {
  format: ImportFormat;
  fileName: string | null;
  counts: ImportCounts;
  /** Exercises found in the catalog by name, and those that become the user's own. */
  exercises: { matched: number; created: number };
  /** Already in the account from an earlier import of the same data: skipped. */
  alreadyImported: { habits: number; days: number; workouts: number };
  /** The first 100 problems; problemCount says how many there are in all. */
  problems: ImportProblem[];
  problemCount: number;
};

export type ImportStatus = 'running' | 'done' | 'failed';

export type ImportResult = ImportCounts & { skipped: number };

export type ImportJob = {
  id: string;
  format: ImportFormat;
  fileName: string | null;
  status: ImportStatus;
  /** Items (days and sets, or rows) written so far, out of total. */
  progress: { done: number; total: number };
  result: ImportResult | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
};
