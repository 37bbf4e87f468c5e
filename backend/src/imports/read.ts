import { detectImport, type DetectedImport } from './detect';
import { ImportFileError } from './errors';
import { parseHabitBull } from './parsers/habitbull';
import { parseHevy } from './parsers/hevy';
import { parseLoop } from './parsers/loop';
import { parseStrong } from './parsers/strong';
import type { ImportEvent, ImportFormat, ImportOptions, SourceFile } from './types';

export type DetectedAppImport = Exclude<DetectedImport, { format: 'export' }>;

export interface OpenedImport {
  format: ImportFormat;
  /** The file's content as events; iterating it reads the file, and may throw ImportFileError. */
  events: AsyncGenerator<ImportEvent>;
}

/** The event stream of a detected export of another app. */
export function readDetected(
  detected: DetectedAppImport,
  options: ImportOptions = {},
): OpenedImport {
  switch (detected.format) {
    case 'loop':
      return { format: 'loop', events: parseLoop(detected.files) };
    case 'habitbull':
      return { format: 'habitbull', events: parseHabitBull(detected.file, detected.delimiter) };
    case 'strong':
      return {
        format: 'strong',
        events: parseStrong(detected.file, detected.delimiter, options),
      };
    case 'hevy':
      return { format: 'hevy', events: parseHevy(detected.file, detected.delimiter) };
  }
}

/**
 * Recognises an upload of another app's export (one CSV file, or the files of a Loop export with
 * any zip already expanded) and returns its event stream. Throws ImportFileError for an empty,
 * binary or unrecognised upload, and for this app's own JSON export, which is restored by the
 * exports feature instead; later problems are thrown while iterating the events.
 */
export async function openImport(
  files: SourceFile[],
  options: ImportOptions = {},
): Promise<OpenedImport> {
  const detected = await detectImport(files);
  if (detected.format === 'export') {
    throw new ImportFileError('UNKNOWN_FORMAT', {
      file: detected.file.path,
      detail: 'It is an export of this app: restore it as one.',
    });
  }
  return readDetected(detected, options);
}
