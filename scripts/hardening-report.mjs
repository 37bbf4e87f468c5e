// Prints the table of the hostile-input and fault suites from reports/hardening/*.json (written
// by backend/src/test/tally.ts), and exits non-zero if any hostile input got a 5xx or any
// acknowledged write was lost or stored twice. Run by scripts/test.sh after the suites.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'reports', 'hardening');

const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
if (files.length === 0) {
  process.stderr.write(`no hardening reports in ${dir}: run the suites first (npm test)\n`);
  process.exit(1);
}

const categories = new Map();
const writes = [];
const figures = [];
for (const file of files.sort()) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  for (const [name, count] of Object.entries(report.categories)) {
    const total = categories.get(name) ?? { cases: 0, serverErrors: 0 };
    total.cases += count.cases;
    total.serverErrors += count.serverErrors;
    categories.set(name, total);
  }
  writes.push(...report.writes);
  figures.push(...Object.entries(report.figures));
}

function table(headers, rows) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
      )
      .join('  ');

  return [
    line(headers),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

const categoryRows = [...categories.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, count]) => [name, count.cases, count.serverErrors]);
const totalCases = categoryRows.reduce((sum, row) => sum + row[1], 0);
const totalServerErrors = categoryRows.reduce((sum, row) => sum + row[2], 0);

const out = [];
out.push(
  'Hostile input, authorization and tokens (every case must get a 4xx, or its 2xx for valid text)',
);
out.push(
  table(['category', 'cases', '5xx'], [...categoryRows, ['total', totalCases, totalServerErrors]]),
);
out.push('');
if (writes.length > 0) {
  out.push('Writes through NGINX while the stack fails (clients retry with an Idempotency-Key)');
  out.push(
    table(
      [
        'fault',
        'acknowledged',
        'found after',
        'lost',
        'duplicates',
        'retried',
        'replayed',
        'failed answers',
      ],
      writes.map((row) => [
        row.scenario,
        row.acknowledged,
        row.found,
        row.lost,
        row.duplicates,
        row.retried,
        row.replayed,
        row.failedRequests,
      ]),
    ),
  );
  out.push('');
}
if (figures.length > 0) {
  out.push('Figures');
  for (const [label, value] of figures) {
    out.push(`  ${label}: ${value}`);
  }
  out.push('');
}
process.stdout.write(`${out.join('\n')}\n`);

const lost = writes.reduce((sum, row) => sum + row.lost, 0);
const duplicates = writes.reduce((sum, row) => sum + row.duplicates, 0);
if (totalServerErrors > 0 || lost > 0 || duplicates > 0) {
  process.stderr.write(
    `hardening: ${totalServerErrors} answers 5xx, ${lost} writes lost, ${duplicates} duplicated\n`,
  );
  process.exit(1);
}
