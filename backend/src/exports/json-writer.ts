import {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  EXPORT_SECTIONS,
  type ExportAccount,
  type ExportSectionItems,
  type ExportSectionName,
} from './schema';

export interface ExportSource {
  exportedAt: Date;
  account: ExportAccount;
  /** Each section's items, read lazily so that a large account is never held whole. */
  sections: { [K in ExportSectionName]: AsyncIterable<ExportSectionItems[K]> };
}

/**
 * Writes the export document as text chunks: a header, then each section's items one per line.
 * The result is one ordinary JSON object; the layout only keeps lines short for people and diff
 * tools. Throws when an item holds a number JSON cannot carry (NaN, Infinity), rather than
 * writing null in its place.
 */
export async function* writeExportJson(source: ExportSource): AsyncGenerator<string> {
  const header = {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: source.exportedAt.toISOString(),
  };
  yield `${JSON.stringify(header).slice(0, -1)},\n"account":${toJson(source.account)}`;

  for (const section of EXPORT_SECTIONS) {
    yield `,\n${JSON.stringify(section)}:[`;
    let separator = '\n';
    for await (const item of source.sections[section]) {
      yield `${separator}${toJson(item)}`;
      separator = ',\n';
    }
    yield '\n]';
  }
  yield '\n}\n';
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && !Number.isFinite(item)) {
      throw new Error(`Export value ${item} cannot be written as JSON`);
    }
    return item;
  });
}
