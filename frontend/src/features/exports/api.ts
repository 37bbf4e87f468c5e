import { getLocalToday } from '@/lib/dates';
import { downloadFile } from '@/lib/download';

export type ExportKind = 'everything' | 'habits' | 'workouts';

type ExportFile = { path: string; label: string; description: string; extension: string };

export const EXPORT_FILES: Record<ExportKind, ExportFile> = {
  everything: {
    path: '/exports/everything.json',
    label: 'Everything (JSON)',
    description: 'Habits, days, workouts, exercises, routines and body weight, to import again.',
    extension: 'json',
  },
  habits: {
    path: '/exports/habits.csv',
    label: 'Habits (CSV)',
    description: 'One row per habit and day, for a spreadsheet.',
    extension: 'csv',
  },
  workouts: {
    path: '/exports/workouts.csv',
    label: 'Workouts (CSV)',
    description: 'One row per set, for a spreadsheet.',
    extension: 'csv',
  },
};

/** Downloads one export and saves it; resolves with the file name. Rejects with an ApiError. */
export function downloadExport(kind: ExportKind): Promise<string> {
  const file = EXPORT_FILES[kind];
  // Used only when the API names no file.
  const fallbackName = `habit-gym-tracker-${kind}-${getLocalToday()}.${file.extension}`;

  return downloadFile(file.path, fallbackName);
}
