/* global URL, Buffer, setInterval, clearInterval, console */
// Parses a generated Hevy export of about 50 MB with the import layer and prints how long it took
// and how much memory the process used. Run after `npm run build --workspace backend`:
//
//   node tools/bench-import-parse.mjs [megabytes]
//
// It measures the parsers alone (no database); the whole import is measured through the API.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../backend/dist/imports/', import.meta.url));
const { openImport } = require(join(dist, 'read.js'));
const { diskFile } = require(join(dist, 'sources.js'));
const { SummaryBuilder } = require(join(dist, 'summary.js'));

const targetBytes = Number(process.argv[2] ?? 50) * 1024 * 1024;
const folder = mkdtempSync(join(tmpdir(), 'import-bench-'));
const path = join(folder, 'hevy.csv');

const HEADER =
  '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"\n';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EXERCISES = [
  'Squat (Barbell)',
  'Bench Press (Barbell)',
  'Lat Pulldown (Cable)',
  'Leg Press, "heavy"',
];
const TYPES = ['warmup', 'normal', 'normal', 'failure', 'dropset'];

async function writeFile() {
  const out = createWriteStream(path);
  let written = 0;
  let workout = 0;
  const write = (text) =>
    new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(HEADER);
  while (written < targetBytes) {
    const day = (workout % 28) + 1;
    const month = MONTHS[Math.floor(workout / 28) % 12];
    const year = 2000 + Math.floor(workout / 336);
    const start = `"${day} ${month} ${year}, 07:${String(workout % 60).padStart(2, '0')}"`;
    const end = `"${day} ${month} ${year}, 09:${String(workout % 60).padStart(2, '0')}"`;
    let rows = '';
    for (const [e, exercise] of EXERCISES.entries()) {
      for (let set = 0; set < 5; set += 1) {
        const superset = e >= 2 ? '1' : '';
        const note = set === 0 ? 'Felt good,\\nnext time +2.5' : '';
        rows += `"Workout ${workout % 7}",${start},${end},"",${JSON.stringify(exercise)},${superset},"${note}",${set},"${TYPES[set]}",${60 + set * 2.5},${8 + set},,0,${6 + set}\n`;
      }
    }
    written += Buffer.byteLength(rows);
    await write(rows);
    workout += 1;
  }
  await new Promise((resolve) => out.end(resolve));
  return workout;
}

const workoutsWritten = await writeFile();
const size = statSync(path).size;
let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
}, 20);

const started = process.hrtime.bigint();
const opened = await openImport([diskFile(path, 'hevy.csv')]);
const summary = new SummaryBuilder(opened.format);
for await (const event of opened.events) {
  summary.add(event);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
clearInterval(sampler);
const result = summary.build();
rmSync(folder, { recursive: true, force: true });

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
console.log(`file: ${mb(size)} MB, ${workoutsWritten} workouts written`);
console.log(
  `read: ${result.workouts} workouts, ${result.sets} sets, ${result.errorCount} errors, ${result.warningCount} warnings`,
);
console.log(
  `time: ${seconds.toFixed(2)} s (${mb(size / seconds)} MB/s, ${Math.round(result.sets / seconds)} sets/s)`,
);
console.log(`peak RSS: ${mb(peakRss)} MB, peak heap used: ${mb(peakHeap)} MB`);
