// Measures the response cache through NGINX in one run, on one stack, user and URL: after a
// warm-up, the same autocannon load in three phases, one after the other (at the same time they
// would wait in the same queues and show the same latency):
// - cached: reads only, answered from the cache;
// - uncached: reads sent with `Cache-Control: no-cache`, answered from the database;
// - mixed: each connection renames a habit after every 19 reads, so the cache keeps being
//   invalidated; its hit rate is the one a busy user would see.
// Run by scripts/bench-cache.sh, which starts the stack.
/* global console, fetch */
import autocannon from 'autocannon';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:8180';
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const HABITS = 30;
const PATH = '/api/habits?limit=50';

async function post(path, body, token) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  }

  return res.json();
}

const habitIds = [];

async function seed() {
  const email = `bench.${Date.now()}@example.test`;
  const { accessToken } = await post('/api/auth/register', {
    email,
    password: 'a long enough benchmark password',
  });
  for (let index = 0; index < HABITS; index += 1) {
    habitIds.push(
      (await post('/api/habits', { name: `Habit number ${index + 1}` }, accessToken)).id,
    );
  }

  return accessToken;
}

function load(token, { headers = {}, duration = DURATION_SECONDS, writeAfter, habitId } = {}) {
  const outcomes = {};
  const read = {
    method: 'GET',
    path: PATH,
    onResponse: (status, _body, _context, responseHeaders) => {
      const key = `${status} ${responseHeaders['x-cache'] ?? responseHeaders['X-Cache'] ?? '-'}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    },
  };
  const write = {
    method: 'PATCH',
    path: `/api/habits/${habitId}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Habit number 1' }),
  };
  const requests = writeAfter ? [...Array(writeAfter).fill(read), write] : [read];
  const instance = autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration,
    headers: { authorization: `Bearer ${token}`, ...headers },
    requests,
  });

  return instance.then((result) => ({ result, outcomes }));
}

function summary(name, { result, outcomes }) {
  const { latency } = result;

  return {
    phase: name,
    requests: result.requests.total,
    'req/s': Math.round(result.requests.average),
    'p50 ms': latency.p50,
    'p90 ms': latency.p90,
    'p99 ms': latency.p99,
    'max ms': latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    outcomes: JSON.stringify(outcomes),
  };
}

const token = await seed();
// One read fills the cache entry that the cached phase reads.
await fetch(`${baseUrl}${PATH}`, { headers: { Authorization: `Bearer ${token}` } });

console.log(
  `GET ${PATH} (${HABITS} habits) through NGINX, ${CONNECTIONS} connections, ` +
    `${DURATION_SECONDS} s per phase`,
);
const fresh = { 'cache-control': 'no-cache' };
await load(token, { headers: fresh, duration: 3 });
const phases = {
  cached: await load(token),
  uncached: await load(token, { headers: fresh }),
  mixed: await load(token, { writeAfter: 19, habitId: habitIds[0] }),
};
console.table(Object.entries(phases).map(([name, phase]) => summary(name, phase)));

for (const name of ['cached', 'mixed']) {
  const { outcomes } = phases[name];
  const hits = outcomes['200 HIT'] ?? 0;
  const reads = Object.values(outcomes).reduce((sum, count) => sum + count, 0);
  console.log(`${name}: hit rate ${((100 * hits) / reads).toFixed(2)}% of ${reads} reads`);
}
const { cached, uncached } = phases;
console.log(
  `p99: cached ${cached.result.latency.p99} ms, uncached ${uncached.result.latency.p99} ms; ` +
    `p50: cached ${cached.result.latency.p50} ms, uncached ${uncached.result.latency.p50} ms`,
);
const failures = Object.values(phases).reduce(
  (sum, { result }) => sum + result.non2xx + result.errors + result.timeouts,
  0,
);
if (failures > 0) {
  console.log(`${failures} requests failed`);
  process.exitCode = 1;
}
