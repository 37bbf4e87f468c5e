import type { ImportJobDocument } from './model';

/** An import job as the API promises it (IMPORT-CONTRACT.md). */
export function presentImport(job: ImportJobDocument) {
  const result = job.result;

  return {
    id: job.id,
    format: job.format,
    fileName: job.fileName ?? null,
    status: job.status,
    progress: { done: job.progress?.done ?? 0, total: job.progress?.total ?? 0 },
    result: result
      ? {
          habits: result.habits ?? 0,
          days: result.days ?? 0,
          workouts: result.workouts ?? 0,
          sets: result.sets ?? 0,
          exercises: result.exercises ?? 0,
          skipped: result.skipped ?? 0,
        }
      : null,
    error: job.error ? { code: job.error.code ?? '', message: job.error.message ?? '' } : null,
    problems: job.problems.map((problem) => ({
      line: problem.line ?? null,
      file: problem.file ?? null,
      reason: problem.reason,
    })),
    problemCount: job.problemCount,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}
