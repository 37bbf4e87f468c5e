import { detectImport } from './detect';
import { parseHabitBull } from './parsers/habitbull';
import { parseHevy } from './parsers/hevy';
import { parseLoop } from './parsers/loop';
import { parseStrong } from './parsers/strong';
import type { ImportEvent, ImportFormat, ImportOptions, SourceFile } from './types';

export interface OpenedImport {
  format: ImportFormat;
  /** The file's content as events; iterating it reads the file, and may throw ImportFileError. */
  events: AsyncGenerator<ImportEvent>;
}

/**
 * Recognises an upload (one CSV file, or the files of a Loop export with any zip already
 * expanded) and returns its importer's event stream. Throws ImportFileError for an empty, binary
 * or unrecognised upload; later problems are thrown while iterating the events.
 */
export async function openImport(
  files: SourceFile[],
  options: ImportOptions = {},
): Promise<OpenedImport> {
  const detected = await detectImport(files);
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
