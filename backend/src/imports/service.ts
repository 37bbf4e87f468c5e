import { nextHabitPosition } from '../habits/service';
import { AppError, notFound } from '../lib/errors';
import { logger } from '../lib/logger';
import { localDateIn } from '../lib/time';
import { getUser } from '../users/service';
import { detectImport } from './detect';
import { ImportFileError } from './errors';
import {
  ImportJobModel,
  ImportedItemModel,
  type ImportJobDocument,
  type ImportJobFormat,
} from './model';
import { readExportJson } from './parsers/export-json';
import { readDetected } from './read';
import { ExportRestorer } from './restore';
import { openUpload, type ZipArchive } from './sources';
import { decodeText } from './text';
import { toSearchName } from '../exercises/search';
import { KindEvidence, cleanSet } from './set-fit';
import type { ImportEvent, ImportedExercise } from './types';
import type { SavedUpload } from './upload';
import { ImportWriter, MAX_LISTED_PROBLEMS, type HabitPlan, type Problem } from './writer';

/** A running job whose process has not moved its heartbeat for this long has died. */
export const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 5_000;
const PROGRESS_WRITE_MS = 500;
const MAX_JOBS_LISTED = 20;

export interface ImportCounts {
  habits: number;
  days: number;
  workouts: number;
  sets: number;
  exercises: number;
}

export interface ImportPreview {
  format: ImportJobFormat;
  fileName: string | null;
  counts: ImportCounts;
  exercises: { matched: number; created: number };
  alreadyImported: { habits: number; days: number; workouts: number };
  problems: Problem[];
  problemCount: number;
}

/** One pass over a file: its format, counts, problems and the final word on each habit. */
interface Survey {
  format: ImportJobFormat;
  counts: ImportCounts;
  problems: Problem[];
  problemCount: number;
  plans: Map<string, HabitPlan>;
  kindHints: Map<string, KindEvidence>;
}

type ExportItemEvent = {
  type: 'item';
  section: Parameters<ExportRestorer['add']>[0];
  item: unknown;
  line: number;
};

/** An opened upload: its format and a way to read its content as events, any number of times. */
interface OpenedUpload {
  format: ImportJobFormat;
  read(): AsyncGenerator<ImportEvent | ExportItemEvent>;
  close(): void;
}

function fileError(error: ImportFileError): AppError {
  return new AppError('INVALID_FILE', error.message, {
    userMessage: error.message,
    details: [{ field: 'file', message: error.message }],
    cause: error,
  });
}

/** Runs `step`, turning a problem with the file as a whole into a 422 naming `file`. */
async function asFileErrors<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ImportFileError) {
      throw fileError(error);
    }
    throw error;
  }
}

/** Opens an upload; unlabelled weights (Strong's plain `Weight`) are read in the user's unit. */
async function openSaved(userId: string, upload: SavedUpload): Promise<OpenedUpload> {
  const { unit } = await getUser(userId);
  const archive: ZipArchive = await openUpload([upload]);
  try {
    const detected = await detectImport(archive.files);
    if (detected.format === 'export') {
      const file = detected.file;
      return {
        format: 'export-json',
        read: async function* () {
          for await (const part of readExportJson(decodeText(file.open(), file.path), file.path)) {
            if (part.type === 'item') {
              yield part;
            }
          }
        },
        close: () => archive.close(),
      };
    }
    return {
      format: detected.format,
      read: () => readDetected(detected, { weightUnit: unit }).events,
      close: () => archive.close(),
    };
  } catch (error) {
    archive.close();
    throw error;
  }
}

/** Reads the whole upload once: refuses a file that cannot be used, and counts what it holds. */
async function survey(opened: OpenedUpload): Promise<Survey> {
  const counts: ImportCounts = { habits: 0, days: 0, workouts: 0, sets: 0, exercises: 0 };
  const problems: Problem[] = [];
  let problemCount = 0;
  const plans = new Map<string, HabitPlan>();
  const kindHints = new Map<string, KindEvidence>();
  const noteKinds = (exercises: readonly ImportedExercise[]) => {
    for (const exercise of exercises) {
      const key = toSearchName(exercise.name);
      const evidence = kindHints.get(key) ?? new KindEvidence();
      kindHints.set(key, evidence);
      exercise.sets.forEach((set) => evidence.add(cleanSet(set).values));
    }
  };
  const countWorkout = (exercises: ReadonlyArray<{ sets: readonly unknown[] }>) => {
    counts.workouts += 1;
    counts.exercises += exercises.length;
    counts.sets += exercises.reduce((sum, exercise) => sum + exercise.sets.length, 0);
  };

  for await (const event of opened.read()) {
    switch (event.type) {
      case 'habit': {
        const plan = plans.get(event.habit.key);
        plans.set(event.habit.key, { habit: event.habit, firstDate: plan?.firstDate ?? null });
        break;
      }
      case 'completion': {
        counts.days += 1;
        const plan = plans.get(event.habitKey);
        if (plan && (plan.firstDate === null || event.completion.date < plan.firstDate)) {
          plan.firstDate = event.completion.date;
        }
        break;
      }
      case 'workout':
        countWorkout(event.workout.exercises);
        noteKinds(event.workout.exercises);
        break;
      case 'issue':
        problemCount += 1;
        if (problems.length < MAX_LISTED_PROBLEMS) {
          const { line, file, message } = event.issue;
          problems.push({ line, file, reason: message });
        }
        break;
      case 'item':
        countExportItem(counts, event, countWorkout);
        break;
    }
  }
  counts.habits += plans.size;

  return { format: opened.format, counts, problems, problemCount, plans, kindHints };
}

function countExportItem(
  counts: ImportCounts,
  event: ExportItemEvent,
  countWorkout: (exercises: ReadonlyArray<{ sets: readonly unknown[] }>) => void,
): void {
  const item = event.item as { completions?: unknown; exercises?: unknown };
  if (event.section === 'habits') {
    counts.habits += 1;
    counts.days += Array.isArray(item.completions) ? item.completions.length : 0;
  }
  if (event.section === 'workouts' && Array.isArray(item.exercises)) {
    countWorkout(
      item.exercises.map((entry: { sets?: unknown }) => ({
        sets: Array.isArray(entry?.sets) ? entry.sets : [],
      })),
    );
  }
}

interface WriteOptions {
  isDryRun: boolean;
  onProgress?: (done: number) => Promise<void>;
}

/** The second pass: writes (or, dry, checks against the database) what the survey found. */
async function writeAll(
  userId: string,
  opened: OpenedUpload,
  found: Survey,
  { isDryRun, onProgress }: WriteOptions,
): Promise<ImportWriter> {
  const user = await getUser(userId);
  const firstPosition = await nextHabitPosition(userId);
  const options = {
    userId,
    format: found.format,
    timeZone: user.timezone,
    today: localDateIn(user.timezone),
    isDryRun,
    firstPosition,
    onProgress,
  };
  const writer = new ImportWriter(options, found.plans, found.kindHints);
  const restorer = new ExportRestorer(writer, { userId, isDryRun, firstPosition });

  for await (const event of opened.read()) {
    switch (event.type) {
      case 'habit':
        await writer.addHabit(event.habit.key);
        break;
      case 'completion':
        await writer.addCompletion(event.habitKey, event.completion);
        break;
      case 'workout':
        await writer.addWorkout(event.workout);
        break;
      case 'issue':
        break;
      case 'item':
        await restorer.add(event.section, event.item, event.line);
        break;
    }
  }
  await writer.finish();
  await restorer.finish();

  return writer;
}

/**
 * What importing the upload would do, writing nothing: counts, exercise matches, what was
 * imported before and the rows that cannot be read. Throws INVALID_FILE (422, naming `file`) for a
 * file that cannot be used at all.
 */
export async function previewImport(userId: string, upload: SavedUpload): Promise<ImportPreview> {
  const opened = await asFileErrors(() => openSaved(userId, upload));
  try {
    const found = await asFileErrors(() => survey(opened));
    const writer = await writeAll(userId, opened, found, { isDryRun: true });

    return {
      format: found.format,
      fileName: upload.name === 'upload' ? null : upload.name,
      counts: found.counts,
      exercises: {
        matched: writer.exercises.matchedNames.size,
        created: writer.exercises.createdNames.size,
      },
      alreadyImported: writer.existing,
      problems: [...found.problems, ...writer.problems].slice(0, MAX_LISTED_PROBLEMS),
      problemCount: found.problemCount + writer.problemCount,
    };
  } finally {
    opened.close();
  }
}

/**
 * Checks the upload as the preview does, then imports it in the background and answers the job
 * at once (status `running`). Throws INVALID_FILE for an unusable file (nothing written) and
 * CONFLICT while another import of the user runs. The upload is removed when the job ends.
 */
export async function startImport(userId: string, upload: SavedUpload): Promise<ImportJobDocument> {
  await assertNoRunningImport(userId);
  const opened = await asFileErrors(() => openSaved(userId, upload));
  let found: Survey;
  try {
    found = await asFileErrors(() => survey(opened));
  } catch (error) {
    opened.close();
    throw error;
  }

  const now = new Date();
  const job = await ImportJobModel.create({
    userId,
    format: found.format,
    fileName: upload.name === 'upload' ? null : upload.name,
    progress: { done: 0, total: found.counts.days + found.counts.sets },
    problems: found.problems,
    problemCount: found.problemCount,
    heartbeatAt: now,
  });
  const running = runJob(job, opened, found).finally(() => {
    opened.close();
    void upload.remove();
    runningJobs.delete(job.id);
  });
  runningJobs.set(job.id, { userId, done: running });

  return job;
}

async function assertNoRunningImport(userId: string): Promise<void> {
  const running = await ImportJobModel.find({ userId, status: 'running' });
  for (const job of running) {
    if (!(await failIfStale(job))) {
      throw new AppError('CONFLICT', 'An import is running', {
        userMessage: 'An import is still running; wait for it to finish',
      });
    }
  }
}

async function runJob(job: ImportJobDocument, opened: OpenedUpload, found: Survey): Promise<void> {
  const userId = String(job.userId);
  let lastWrite = 0;
  const heartbeat = setInterval(() => {
    ImportJobModel.updateOne({ _id: job._id }, { $set: { heartbeatAt: new Date() } }).catch(
      (error: unknown) => logger.warn('import heartbeat failed', { importId: job.id, error }),
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();

  try {
    const writer = await writeAll(userId, opened, found, {
      isDryRun: false,
      onProgress: async (done) => {
        if (Date.now() - lastWrite < PROGRESS_WRITE_MS) {
          await assertJobExists(job);
          return;
        }
        lastWrite = Date.now();
        await saveProgress(job, done);
      },
    });
    const problems = [...found.problems, ...writer.problems].slice(0, MAX_LISTED_PROBLEMS);
    await ImportJobModel.updateOne(
      { _id: job._id },
      {
        $set: {
          status: 'done',
          'progress.done': job.progress?.total ?? 0,
          result: writer.written,
          problems,
          problemCount: found.problemCount + writer.problemCount,
          finishedAt: new Date(),
          heartbeatAt: new Date(),
        },
      },
    );
    logger.info('import done', { importId: job.id, userId, format: job.format });
  } catch (error) {
    if (error instanceof JobGoneError) {
      logger.info('import stopped: its job was deleted', { importId: job.id, userId });
      return;
    }
    logger.error('import failed', {
      importId: job.id,
      userId,
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    await ImportJobModel.updateOne(
      { _id: job._id },
      {
        $set: {
          status: 'failed',
          error: {
            code: error instanceof ImportFileError ? 'INVALID_FILE' : 'IMPORT_FAILED',
            message:
              error instanceof ImportFileError
                ? error.message
                : 'The import stopped on an unexpected error; what was written so far stays.',
          },
          finishedAt: new Date(),
        },
      },
    ).catch(() => undefined);
  } finally {
    clearInterval(heartbeat);
  }
}

/** The imports this process runs, so that an account deletion can wait for its own to stop. */
const runningJobs = new Map<string, { userId: string; done: Promise<void> }>();

/** Thrown into a running import when its job is gone (the account is being deleted). */
class JobGoneError extends Error {}

async function assertJobExists(job: ImportJobDocument): Promise<void> {
  if (!(await ImportJobModel.exists({ _id: job._id }))) {
    throw new JobGoneError();
  }
}

async function saveProgress(job: ImportJobDocument, done: number): Promise<void> {
  const update = await ImportJobModel.updateOne(
    { _id: job._id },
    { $set: { 'progress.done': done, heartbeatAt: new Date() } },
  );
  if (update.matchedCount === 0) {
    throw new JobGoneError();
  }
}

/** Marks a running job whose heartbeat stopped as failed; returns whether it did. */
async function failIfStale(job: ImportJobDocument): Promise<boolean> {
  if (job.status !== 'running' || Date.now() - job.heartbeatAt.getTime() < STALE_AFTER_MS) {
    return false;
  }
  job.set({
    status: 'failed',
    error: {
      code: 'IMPORT_INTERRUPTED',
      message: 'The import stopped when the server restarted; import the file again to finish it.',
    },
    finishedAt: new Date(),
  });
  await job.save();

  return true;
}

/** The user's import, or NOT_FOUND (also for another user's). */
export async function getImport(userId: string, importId: string): Promise<ImportJobDocument> {
  const job = await ImportJobModel.findOne({ _id: importId, userId });
  if (!job) {
    throw notFound('Import');
  }
  await failIfStale(job);

  return job;
}

/** The user's newest imports, at most MAX_JOBS_LISTED. */
export async function findImports(userId: string): Promise<ImportJobDocument[]> {
  const jobs = await ImportJobModel.find({ userId })
    .sort({ createdAt: -1, _id: -1 })
    .limit(MAX_JOBS_LISTED);
  for (const job of jobs) {
    await failIfStale(job);
  }

  return jobs;
}

/**
 * Deletes the user's imports and import keys (account deletion). A running import stops at its
 * next batch, when it finds its job gone; one run by this process is waited for.
 */
// TODO: an import run by another API process is not waited for, so it may write one more batch
// after the deletion; acceptable while imports are rare, until jobs are claimed in Redis.
export async function deleteAllImports(userId: string): Promise<void> {
  await ImportJobModel.deleteMany({ userId });
  const own = [...runningJobs.values()].filter((job) => job.userId === userId);
  await Promise.all(own.map((job) => job.done));
  await ImportedItemModel.deleteMany({ userId });
}
