import { parseArgs } from 'node:util';

export const SCENARIOS = [
  'database',
  'frontend',
  'anchors',
  'list',
  'today',
  'history',
  'stats',
  'invalidation',
  'mix',
];

export const HELP = `Usage: npm run bench -- [options]

  --quick               smoke run: 3 users with 30 days, 1 s loads, 10,000 keys, no Lighthouse
  --duration <s>        measured seconds of each load (default 10)
  --warmup <s>          unmeasured seconds before each load (default 2)
  --users <n>           seeded users, all of them used by the loads (default 10)
  --habits <n>          habits per user (default 5)
  --days <n>            days of history per user (default 365)
  --keys <n>            cache keys loaded into Redis for the invalidation runs (default 1000000)
  --write-rate <n>      writes per second during the invalidation runs (default 5)
  --budget <min>        skip the scenarios not started after this many minutes (default 20)
  --only <list>         comma-separated subset of: ${SCENARIOS.join(', ')}
  --no-lighthouse       skip the Lighthouse run
  --lighthouse          run Lighthouse even with --quick
  --help                this text

Environment (set by scripts/bench.sh): BENCH_BASE_URL, BENCH_BROWSER_URL, BENCH_RUN_DIR,
BENCH_ROOT, MONGODB_URI, REDIS_URL. Ports: BENCH_DB_PORT, BENCH_REDIS_PORT, BENCH_API_PORT,
BENCH_WEB_PORT, BENCH_HTTP_PORT, BENCH_HELLO_PORT. BENCH_SKIP_BUILD=1 reuses the last build.`;

const FULL = {
  duration: 10,
  warmup: 2,
  users: 10,
  habits: 5,
  days: 365,
  keys: 1_000_000,
  writeRate: 5,
};
const QUICK = { duration: 1, warmup: 0, users: 3, habits: 3, days: 30, keys: 10_000, writeRate: 5 };

function positive(name, raw, fallback, { integer = true, allowZero = false } = {}) {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  const isValid =
    Number.isFinite(value) &&
    (allowZero ? value >= 0 : value > 0) &&
    (!integer || Number.isInteger(value));
  if (!isValid) {
    throw new Error(
      `--${name} must be a ${integer ? 'whole ' : ''}number${allowZero ? '' : ' above 0'}, got "${raw}"`,
    );
  }
  return value;
}

/** Reads the command line; throws naming the first bad option. */
export function readOptions(args) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      users: { type: 'string' },
      habits: { type: 'string' },
      days: { type: 'string' },
      keys: { type: 'string' },
      'write-rate': { type: 'string' },
      budget: { type: 'string' },
      only: { type: 'string' },
      lighthouse: { type: 'boolean' },
      'no-lighthouse': { type: 'boolean' },
      help: { type: 'boolean', default: false },
    },
  });
  const base = values.quick ? QUICK : FULL;
  const only = values.only ? values.only.split(',').map((name) => name.trim()) : SCENARIOS;
  const unknown = only.filter((name) => !SCENARIOS.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`,
    );
  }

  return {
    help: values.help,
    quick: values.quick,
    duration: positive('duration', values.duration, base.duration, { integer: false }),
    warmup: positive('warmup', values.warmup, base.warmup, { integer: false, allowZero: true }),
    users: positive('users', values.users, base.users),
    habits: positive('habits', values.habits, base.habits),
    days: positive('days', values.days, base.days),
    keys: positive('keys', values.keys, base.keys),
    writeRate: positive('write-rate', values['write-rate'], base.writeRate, { integer: false }),
    budgetMinutes: positive('budget', values.budget, 20, { integer: false }),
    mixConnections: [10, 50, 100],
    only,
    lighthouse: values['no-lighthouse'] ? false : (values.lighthouse ?? !values.quick),
  };
}
