import { openImport } from '../read';
import { bytesOf } from '../text';
import type {
  ImportEvent,
  ImportFormat,
  ImportOptions,
  ImportedCompletion,
  ImportedHabit,
  ImportedWorkout,
  RowIssue,
  SourceFile,
} from '../types';

/** An in-memory file; chunks let a test split the text wherever it wants. */
export function memoryFile(path: string, ...chunks: (string | Uint8Array)[]): SourceFile {
  return { path, open: () => bytesOf(...chunks) };
}

export interface CollectedImport {
  format: ImportFormat;
  habits: ImportedHabit[];
  completions: Map<string, ImportedCompletion[]>;
  workouts: ImportedWorkout[];
  errors: RowIssue[];
  warnings: RowIssue[];
}

/** Reads an upload whole into arrays, keeping the last word on each habit (as persistence does). */
export async function collectImport(
  files: SourceFile[],
  options: ImportOptions = {},
): Promise<CollectedImport> {
  const opened = await openImport(files, options);
  const collected = await collectEvents(opened.events);
  return { format: opened.format, ...collected };
}

export async function collectEvents(
  events: AsyncIterable<ImportEvent>,
): Promise<Omit<CollectedImport, 'format'>> {
  const habits = new Map<string, ImportedHabit>();
  const completions = new Map<string, ImportedCompletion[]>();
  const workouts: ImportedWorkout[] = [];
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  for await (const event of events) {
    switch (event.type) {
      case 'habit':
        habits.set(event.habit.key, event.habit);
        break;
      case 'completion':
        if (!habits.has(event.habitKey)) {
          throw new Error(`Completion before its habit: ${event.habitKey}`);
        }
        completions.set(event.habitKey, [
          ...(completions.get(event.habitKey) ?? []),
          event.completion,
        ]);
        break;
      case 'workout':
        workouts.push(event.workout);
        break;
      case 'issue':
        (event.issue.level === 'error' ? errors : warnings).push(event.issue);
        break;
    }
  }
  return { habits: [...habits.values()], completions, workouts, errors, warnings };
}
