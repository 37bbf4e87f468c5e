import { Router, type Response } from 'express';

import { requireAuth, userIdOf } from '../auth/middleware';
import { localDateIn } from '../lib/time';
import { validate } from '../lib/validate';
import { getUser } from '../users/service';
import { writeHabitsCsv, writeWorkoutsCsv } from './csv-writer';
import { writeExportJson } from './json-writer';
import { buildExport, exportHabits, exportWorkouts } from './service';

export const exportsRouter = Router();

exportsRouter.use(requireAuth);

exportsRouter.get('/everything.json', validate([]), async (req, res) => {
  const userId = userIdOf(req);
  const source = await buildExport(userId);
  const name = await fileNameOf(userId, 'json');
  await sendChunks(res, writeExportJson(source), 'application/json; charset=utf-8', name);
});

exportsRouter.get('/habits.csv', validate([]), async (req, res) => {
  const userId = userIdOf(req);
  const name = await fileNameOf(userId, 'habits.csv');
  await sendChunks(res, writeHabitsCsv(exportHabits(userId)), 'text/csv; charset=utf-8', name);
});

exportsRouter.get('/workouts.csv', validate([]), async (req, res) => {
  const userId = userIdOf(req);
  const name = await fileNameOf(userId, 'workouts.csv');
  const workouts = await exportWorkouts(userId);
  await sendChunks(res, writeWorkoutsCsv(workouts), 'text/csv; charset=utf-8', name);
});

/** `habit-gym-tracker-YYYY-MM-DD.<suffix>`, dated in the user's zone. */
async function fileNameOf(userId: string, suffix: string): Promise<string> {
  const user = await getUser(userId);

  return `habit-gym-tracker-${localDateIn(user.timezone)}.${suffix}`;
}

/**
 * Streams text chunks as a download, waiting for the client whenever its buffer is full, so a
 * large account is never held whole. A failure after the first chunk can no longer become an error
 * response: the connection is cut, so the client sees an incomplete download, never a short file.
 */
async function sendChunks(
  res: Response,
  chunks: AsyncIterable<string>,
  contentType: string,
  fileName: string,
): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    let next = first;
    while (!next.done) {
      if (!res.write(next.value)) {
        await writable(res);
      }
      if (res.destroyed) {
        return;
      }
      next = await iterator.next();
    }
    res.end();
  } catch (error) {
    res.req.log.error('export failed while streaming', {
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    res.destroy();
  }
}

/** Resolves once the response can take more, or has been closed by the client. */
function writable(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
