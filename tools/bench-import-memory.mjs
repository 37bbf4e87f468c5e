/* global URL, Buffer, setInterval, clearInterval, setTimeout, console */
// Imports a generated Hevy export of about 50 MB through the API and prints the process's peak
// memory (RSS) while the file is previewed and while it is imported, with the times and counts.
// The API runs in this process on a loopback port, against the test services of your worktree:
//
//   npm run build --workspace backend
//   STACK=test DB_PORT=$TEST_DB_PORT REDIS_PORT=$TEST_REDIS_PORT REDIS_APPENDONLY=no \
//     bash -c 'source scripts/lib.sh; start_database; start_redis'
//   DB_PORT=$TEST_DB_PORT REDIS_PORT=$TEST_REDIS_PORT node tools/bench-import-memory.mjs [megabytes]
//
// It uses a database of its own (dropped at the end) and a Redis key prefix of its own. A figure,
// not a pass or fail: the target is that memory stays flat whatever the file's size.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const megabytes = Number(process.argv[2] ?? 50);
const dbPort = process.env.DB_PORT ?? '27117';
const redisPort = process.env.REDIS_PORT ?? '6479';
const database = `bench_import_${Date.now()}`;
process.env.NODE_ENV = 'development';
process.env.MONGODB_URI = `mongodb://127.0.0.1:${dbPort}/${database}?directConnection=true`;
process.env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
process.env.REDIS_KEY_PREFIX = `${database}:`;
process.env.LOG_LEVEL = 'warn';
process.env.LOG_TO_FILES = 'false';
process.env.RATE_LIMIT_GENERAL_MAX = '100000';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../backend/dist/', import.meta.url));
const { createApp } = require(join(dist, 'app.js'));
const { connectDatabase, disconnectDatabase } = require(join(dist, 'lib/database.js'));
const { connectRedis, disconnectRedis } = require(join(dist, 'lib/redis.js'));
const { seedExerciseCatalog } = require(join(dist, 'exercises/seed.js'));
const mongoose = require('mongoose');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LIFTS = [
  'Squat (Barbell)',
  'Bench Press (Barbell)',
  'Lat Pulldown (Cable)',
  'Row, "heavy" 🚣',
];
const KINDS = ['warmup', 'normal', 'normal', 'failure', 'dropset'];

/** A Hevy export: 4 exercises of 5 sets per workout, one workout a day back from 2025. */
async function writeHevyFile(path, bytes) {
  const out = createWriteStream(path);
  const put = (text) => new Promise((done) => (out.write(text) ? done() : out.once('drain', done)));
  await put(
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"\n',
  );
  let size = 0;
  let workouts = 0;
  for (; size < bytes; workouts += 1) {
    const day = new Date(Date.UTC(2025, 0, 1) - workouts * 86_400_000);
    const date = `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
    const head = `"Day ${workouts % 9}","${date}, 07:30","${date}, 08:45",""`;
    let rows = '';
    LIFTS.forEach((lift, index) => {
      for (let set = 0; set < 5; set += 1) {
        const superset = index >= 2 ? '0' : '';
        rows += `${head},${JSON.stringify(lift)},${superset},"",${set},"${KINDS[set]}",${40 + set * 2.5},${6 + set},,0,${6 + set}\n`;
      }
    });
    size += Buffer.byteLength(rows);
    await put(rows);
  }
  await new Promise((done) => out.end(done));
  return workouts;
}

function send(port, method, path, { token, body, file } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { ...(token ? { Authorization: `Bearer ${token}` } : {}) };
    headers['Content-Type'] = file ? 'application/octet-stream' : 'application/json';
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null }),
      );
    });
    req.on('error', reject);
    if (file) {
      createReadStream(file).pipe(req);
    } else {
      req.end(body ? JSON.stringify(body) : undefined);
    }
  });
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const folder = mkdtempSync(join(tmpdir(), 'import-memory-'));
const path = join(folder, 'hevy.csv');
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const sampler = setInterval(sample, 50);
const phase = async (name, step) => {
  sample();
  const before = process.memoryUsage().rss;
  peak = before;
  const started = Date.now();
  const result = await step();
  sample();
  console.log(
    `${name}: ${((Date.now() - started) / 1000).toFixed(1)} s, RSS before ${mb(before)} MB, peak ${mb(peak)} MB`,
  );
  return result;
};

try {
  const workouts = await writeHevyFile(path, megabytes * 1024 * 1024);
  console.log(`file: ${mb(statSync(path).size)} MB, ${workouts} workouts, ${workouts * 20} sets`);
  await connectDatabase();
  await connectRedis();
  await seedExerciseCatalog();
  const server = createApp().listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  const { port } = server.address();
  const registered = await send(port, 'POST', '/api/auth/register', {
    body: {
      email: `bench${Date.now()}@example.test`,
      password: 'bench password long enough',
      timezone: 'UTC',
    },
  });
  const token = registered.body.accessToken;

  const preview = await phase('preview', () =>
    send(port, 'POST', '/api/imports/preview', { token, file: path }),
  );
  console.log(
    `preview: ${preview.status} ${JSON.stringify(preview.body.preview?.counts ?? preview.body)}`,
  );
  const job = await phase('import', async () => {
    const started = await send(port, 'POST', '/api/imports', { token, file: path });
    const id = started.body.import.id;
    for (;;) {
      await new Promise((done) => setTimeout(done, 5000));
      const state = (await send(port, 'GET', `/api/imports/${id}`, { token })).body.import;
      console.log(
        `  ${state.status} ${state.progress.done}/${state.progress.total} RSS peak so far ${mb(peak)} MB`,
      );
      if (state.status !== 'running') {
        return state;
      }
    }
  });
  console.log(`import: ${job.status} ${JSON.stringify(job.result ?? job.error)}`);
  server.close();
} finally {
  clearInterval(sampler);
  rmSync(folder, { recursive: true, force: true });
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await disconnectRedis().catch(() => undefined);
  await disconnectDatabase().catch(() => undefined);
}
