// What one query costs the database on its own, with the seeded collections, timed from the bench
// with the driver (no API, no load): an `_id` lookup against the filters the API's hot paths use.
// On FerretDB only `_id` equality is handed to SQLite and every other filter reads the whole
// collection; on MongoDB all of these use an index.
import { quantile } from './load.mjs';
import { addDays } from './seed.mjs';

const SAMPLES = 3;

async function timeQuery(run) {
  const times = [];
  let count = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    count = (await run()).length;
    times.push(performance.now() - started);
  }
  const sorted = times.sort((a, b) => a - b);
  return { medianMs: Math.round(quantile(sorted, 0.5) * 10) / 10, documents: count };
}

export async function measureDatabase(backend, user) {
  const { ObjectId } = backend.mongoose.Types;
  const completions = backend.models.completions.collection;
  const habits = backend.models.habits.collection;
  const userId = new ObjectId(user.id);
  const habitId = new ObjectId(user.habitIds[0]);
  const sample = await completions.findOne({ habitId });

  return {
    collections: {
      completions: await completions.estimatedDocumentCount(),
      habits: await habits.estimatedDocumentCount(),
      workouts: await backend.models.workouts.collection.estimatedDocumentCount(),
    },
    queries: {
      'completion by _id': await timeQuery(() =>
        completions.find({ _id: sample?._id ?? new ObjectId() }).toArray(),
      ),
      "a user's completions on one day (Today)": await timeQuery(() =>
        completions.find({ userId, date: user.today }).toArray(),
      ),
      "a habit's completions over 30 days (history)": await timeQuery(() =>
        completions
          .find({ habitId, date: { $gte: addDays(user.today, -29), $lte: user.today } })
          .toArray(),
      ),
      "a user's habits (habit list)": await timeQuery(() => habits.find({ userId }).toArray()),
    },
  };
}
