// Times the habit statistics against the database (tools/../backend/dist, built first): a habit's
// history over ranges of 30, 365 and 730 days, its stats (whole history), the day plan and the
// dashboard; first with one user's years of daily check-ins, then again with other users'
// check-ins added to the same collection (BENCH_YEARS, BENCH_OTHER_HABITS, BENCH_RUNS). Prints
// medians; asserts nothing.
// Run through scripts/bench-habit-stats.sh, which starts the database and sets MONGODB_URI.
/* global console, URL */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const dist = new URL('../backend/dist/', import.meta.url).pathname;
const { connectDatabase, disconnectDatabase } = require(`${dist}lib/database.js`);
const { UserModel } = require(`${dist}users/model.js`);
const { CompletionModel, HabitModel } = require(`${dist}habits/model.js`);
const { isoWeekKeyOf, monthKeyOf, shiftDate, weekStartOf } = require(
  `${dist}habits/rules/calendar.js`,
);
const { localDateIn } = require(`${dist}lib/time.js`);
const progress = require(`${dist}habits/progress.js`);

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const YEARS = Number(process.env.BENCH_YEARS ?? 3);
const OTHER_HABITS = Number(process.env.BENCH_OTHER_HABITS ?? 4);

async function median(run) {
  const times = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function createUserWithHabit(name, today) {
  const user = await UserModel.create({
    email: `${name}.${Date.now()}@bench.test`,
    passwordHash: 'not-a-real-hash',
    timezone: 'Europe/Berlin',
  });
  const startDate = shiftDate(today, -365 * YEARS);
  const habit = await HabitModel.create({
    userId: user._id,
    name,
    startDate,
    schedules: [{ from: startDate, type: 'daily' }],
  });
  const docs = [];
  for (let date = startDate; date < today; date = shiftDate(date, 1)) {
    docs.push({
      userId: user._id,
      habitId: habit._id,
      date,
      isoWeek: isoWeekKeyOf(date),
      sundayWeek: weekStartOf(date, 'sunday'),
      month: monthKeyOf(date),
      status: 'done',
    });
  }
  const started = performance.now();
  for (let index = 0; index < docs.length; index += 500) {
    await CompletionModel.insertMany(docs.slice(index, index + 500), { ordered: false });
  }
  console.log(
    `  ${name}: ${docs.length} check-ins written in ${(performance.now() - started).toFixed(0)} ms`,
  );
  return { userId: String(user._id), habitId: String(habit._id), count: docs.length };
}

async function measure(label, { userId, habitId }, today) {
  const rows = [];
  for (const days of [30, 365, 730]) {
    const from = shiftDate(today, -(days - 1));
    rows.push([
      `history, ${days} days`,
      await median(() => progress.getHabitHistory(userId, habitId, { from, to: today })),
    ]);
  }
  rows.push(['stats (whole history)', await median(() => progress.getHabitStats(userId, habitId))]);
  rows.push(['day plan (Today)', await median(() => progress.planDay(userId))]);
  rows.push(['dashboard', await median(() => progress.summarizeHabits(userId, {}))]);
  const total = await CompletionModel.estimatedDocumentCount();
  console.log(`\n${label} (${total} completions in the collection), median of ${RUNS} runs:`);
  for (const [name, ms] of rows) {
    console.log(`  ${name.padEnd(24)} ${ms.toFixed(1).padStart(8)} ms`);
  }
}

await connectDatabase(process.env.MONGODB_URI);
await CompletionModel.deleteMany({});
const today = localDateIn('Europe/Berlin');
const subject = await createUserWithHabit('subject', today);
console.log(`one daily habit with ${subject.count} check-ins over ${YEARS} years`);
await measure('alone', subject, today);
for (let index = 0; index < OTHER_HABITS; index += 1) {
  await createUserWithHabit(`other${index}`, today);
}
await measure(`with ${OTHER_HABITS} other users' habits of the same size`, subject, today);
await disconnectDatabase();
