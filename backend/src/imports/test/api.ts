import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { importFixture } from '../../test/fixtures';
import { api, type TestUser } from '../../test/setup';
import { ImportJobModel } from '../model';
import { buildZip } from './zip';

/** A fixture file's bytes. */
export function fixture(path: string): Buffer {
  return readFileSync(importFixture(path));
}

/** A folder of fixtures as the zip Loop writes (every file under it, paths kept). */
export function fixtureZip(folder: string): Buffer {
  const root = importFixture(folder);
  const files: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) {
        walk(child);
      } else {
        files.push(child);
      }
    }
  };
  walk(root);

  return buildZip(
    files.map((file) => ({ name: relative(root, file), content: readFileSync(file) })),
  );
}

export function postFile(user: TestUser, path: string, body: Buffer | string, fileName?: string) {
  const request = api().post(path).set(user.auth).set('Content-Type', 'application/octet-stream');
  if (fileName !== undefined) {
    request.set('X-Filename', encodeURIComponent(fileName));
  }

  return request.send(typeof body === 'string' ? Buffer.from(body) : body);
}

export interface ImportJobBody {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result: Record<string, number> | null;
  error: { code: string; message: string } | null;
  problems: Array<{ line: number | null; file: string | null; reason: string }>;
  problemCount: number;
  [key: string]: unknown;
}

/** Starts an import and waits for its job to finish; returns the finished job. */
export async function importFile(
  user: TestUser,
  body: Buffer | string,
  fileName?: string,
): Promise<ImportJobBody> {
  const started = await postFile(user, '/api/imports', body, fileName);
  if (started.status !== 202) {
    throw new Error(`Import answered ${started.status}: ${JSON.stringify(started.body)}`);
  }
  const id = (started.body.import as ImportJobBody).id;
  // Waits on the database rather than the API, so that a long import does not meet the rate limit.
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const job = await ImportJobModel.findById(id, { status: 1 });
    if (job?.status !== 'running') {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const res = await api().get(`/api/imports/${id}`).set(user.auth);
  const job = res.body.import as ImportJobBody;
  if (res.status !== 200 || job.status === 'running') {
    throw new Error(`Import did not finish: ${res.status} ${JSON.stringify(res.body)}`);
  }

  return job;
}
