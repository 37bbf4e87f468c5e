import type { ImportEvent, ImportFormat, RowIssue } from './types';

/** What the preview shows before anything is written. */
export interface ImportSummary {
  format: ImportFormat;
  habits: number;
  /** Habit completions (days), notes-only days included. */
  days: number;
  workouts: number;
  exercises: number;
  sets: number;
  errorCount: number;
  warningCount: number;
  /** The first MAX_LISTED_ISSUES of each level, in file order. */
  errors: RowIssue[];
  warnings: RowIssue[];
}

/** Enough to show and fix a broken file; a file with more lists only the count of the rest. */
export const MAX_LISTED_ISSUES = 100;

/** Folds events into counts. Memory stays bounded: only habit keys and listed issues are kept. */
export class SummaryBuilder {
  private readonly habitKeys = new Set<string>();
  private readonly summary: ImportSummary;

  constructor(format: ImportFormat) {
    this.summary = {
      format,
      habits: 0,
      days: 0,
      workouts: 0,
      exercises: 0,
      sets: 0,
      errorCount: 0,
      warningCount: 0,
      errors: [],
      warnings: [],
    };
  }

  add(event: ImportEvent): void {
    const summary = this.summary;
    switch (event.type) {
      case 'habit':
        this.habitKeys.add(event.habit.key);
        summary.habits = this.habitKeys.size;
        return;
      case 'completion':
        summary.days += 1;
        return;
      case 'workout':
        summary.workouts += 1;
        summary.exercises += event.workout.exercises.length;
        summary.sets += event.workout.exercises.reduce((sum, item) => sum + item.sets.length, 0);
        return;
      case 'issue':
        this.addIssue(event.issue);
        return;
    }
  }

  private addIssue(issue: RowIssue): void {
    const summary = this.summary;
    const isError = issue.level === 'error';
    const list = isError ? summary.errors : summary.warnings;
    if (isError) {
      summary.errorCount += 1;
    } else {
      summary.warningCount += 1;
    }
    if (list.length < MAX_LISTED_ISSUES) {
      list.push(issue);
    }
  }

  build(): ImportSummary {
    return structuredClone(this.summary);
  }
}

/** Reads a whole event stream into a summary (the import preview). */
export async function summarizeImport(
  format: ImportFormat,
  events: AsyncIterable<ImportEvent>,
): Promise<ImportSummary> {
  const builder = new SummaryBuilder(format);
  for await (const event of events) {
    builder.add(event);
  }
  return builder.build();
}
