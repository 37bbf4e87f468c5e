// Figures for `npm run test:hardening`: each hardening test file counts what it tried and writes
// one JSON file under reports/hardening/, which scripts/hardening-report.mjs turns into a table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REPORT_DIR = path.resolve(__dirname, '..', '..', '..', 'reports', 'hardening');

interface CategoryCount {
  cases: number;
  serverErrors: number;
}

export interface WriteCount {
  scenario: string;
  acknowledged: number;
  found: number;
  lost: number;
  duplicates: number;
  /** Answers that were not the final 2xx (5xx, 409 in progress, 502, network errors). */
  failedRequests: number;
  /** Writes that needed more than one attempt. */
  retried: number;
  /** Retries answered from an earlier attempt's record (Idempotent-Replayed). */
  replayed: number;
}

interface Tally {
  categories: Record<string, CategoryCount>;
  writes: WriteCount[];
  figures: Record<string, string>;
}

/** Counts for one test file; call `save()` in afterAll. */
export function createTally(name: string) {
  const tally: Tally = { categories: {}, writes: [], figures: {} };

  return {
    /** One request of a category was answered with this status. */
    count(category: string, status: number): void {
      const entry = (tally.categories[category] ??= { cases: 0, serverErrors: 0 });
      entry.cases += 1;
      if (status >= 500) {
        entry.serverErrors += 1;
      }
    },
    writes(count: WriteCount): void {
      tally.writes.push(count);
    },
    figure(label: string, value: string): void {
      tally.figures[label] = value;
    },
    save(): void {
      mkdirSync(REPORT_DIR, { recursive: true });
      writeFileSync(path.join(REPORT_DIR, `${name}.json`), JSON.stringify(tally, null, 2));
    },
  };
}

export type TallyRecorder = ReturnType<typeof createTally>;
