import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createApp } from '../app';
import { seedExerciseCatalog } from '../exercises/seed';
import { CompletionModel, HabitModel } from '../habits/model';
import { api, buildUser, expectError, useTestServices, type TestUser } from '../test/setup';
import { WorkoutModel } from '../workouts/model';
import { ImportJobModel, ImportedItemModel } from './model';
import { STALE_AFTER_MS } from './service';
import { fixture, importFile, postFile } from './test/api';
import { buildZip } from './test/zip';

useTestServices();

beforeAll(async () => {
  await seedExerciseCatalog();
});

const STRONG = fixture('strong/strong-semicolon-quoted.csv');
const HEVY_LINES = fixture('hevy/hevy-metric.csv').toString('utf8').split('\n');
const HEVY_HEADER = `${HEVY_LINES[0]}\n`;

/** Every document of the user in every collection an import writes to. */
async function writtenFor(user: TestUser): Promise<number[]> {
  const userId = user.user._id;
  return Promise.all([
    HabitModel.countDocuments({ userId }),
    CompletionModel.countDocuments({ userId }),
    WorkoutModel.countDocuments({ userId }),
    ImportJobModel.countDocuments({ userId }),
    ImportedItemModel.countDocuments({ userId }),
  ]);
}

describe('POST /api/imports and /api/imports/preview with a bad file', () => {
  const cases: Array<[string, Buffer | string, string]> = [
    ['an empty file', '', 'export.csv: The file is empty.'],
    [
      'a binary file (PNG)',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
      'export.csv: The file is not a text (CSV) file or a zip archive.',
    ],
    [
      'a zip archive cut in half',
      buildZip([{ name: 'Habits.csv', content: 'Position,Name\n001,Read\n'.repeat(50) }]).subarray(
        0,
        60,
      ),
      'export.csv: The zip archive is damaged or truncated.',
    ],
    [
      'a HabitBull file written with the wrong delimiter',
      'HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\nRead;Books;Mind;2024-01-01;1;\n',
      'export.csv, line 2: No row of the file could be read. The first row failed with: Expected 6 fields, found 1 (a wrong delimiter or a cut line?).',
    ],
    [
      'a Hevy file with a header only',
      HEVY_HEADER,
      'export.csv: The file has a header but no data.',
    ],
    [
      'a line of 2 MB',
      HEVY_HEADER + 'x'.repeat(2 * 1024 * 1024),
      'export.csv, line 2: A line of the file is far longer than any export writes.',
    ],
    [
      'a Hevy file cut inside a quoted value',
      `${HEVY_LINES.slice(0, 2).join('\n')}\n"Lower // Ra`,
      'export.csv, line 3: The file ends inside a quoted value: it looks truncated.',
    ],
  ];

  it.each(cases)(
    'refuses %s with 422 naming file, writing nothing',
    async (_name, body, message) => {
      const user = await buildUser();

      for (const path of ['/api/imports/preview', '/api/imports']) {
        const res = await postFile(user, path, body, 'export.csv');

        expectError(res, 422, 'INVALID_FILE', 'file');
        expect(res.body.error.message.startsWith(message)).toBe(true);
      }
      expect(await writtenFor(user)).toEqual([0, 0, 0, 0, 0]);
    },
  );

  it('refuses a 100 MB line with 413 naming file, reading no further than 64 MB', async () => {
    const user = await buildUser();
    const server: Server = createApp().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const chunk = Buffer.alloc(1024 * 1024, 'x');

    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/imports',
          method: 'POST',
          headers: { ...user.auth, 'Content-Type': 'application/octet-stream' },
        },
        (res) => {
          let body = '';
          res.on('data', (data: Buffer) => (body += data.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(HEVY_HEADER);
      let sent = 0;
      const writeMore = () => {
        while (sent < 100) {
          sent += 1;
          if (!req.write(chunk)) {
            req.once('drain', writeMore);
            return;
          }
        }
        req.end();
      };
      writeMore();
    });
    server.close();

    expect(answer.status).toBe(413);
    const body = JSON.parse(answer.body) as { error: { code: string; details: unknown } };
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.details).toEqual([
      { field: 'file', message: 'The file is larger than 64 MB' },
    ]);
    expect(await writtenFor(user)).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses a declared length over 64 MB before reading the body', async () => {
    const user = await buildUser();
    const res = await api()
      .post('/api/imports/preview')
      .set(user.auth)
      .set('Content-Length', String(65 * 1024 * 1024))
      .send('x');

    expectError(res, 413, 'PAYLOAD_TOO_LARGE', 'file');
  });

  it('answers 401 without a token', async () => {
    const res = await api().post('/api/imports').send(STRONG);

    expectError(res, 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/imports/:id and GET /api/imports', () => {
  it("answers 404 for another user's import and for an unknown id", async () => {
    const owner = await buildUser();
    const other = await buildUser();
    const job = await importFile(owner, STRONG, 'strong.csv');

    expectError(await api().get(`/api/imports/${job.id}`).set(other.auth), 404, 'NOT_FOUND');
    expectError(
      await api().get('/api/imports/65f0c0ffee0000000000000a').set(owner.auth),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api().get('/api/imports/nope').set(owner.auth),
      400,
      'VALIDATION_FAILED',
      'id',
    );
    expect((await api().get('/api/imports').set(other.auth)).body).toEqual({ imports: [] });
  });

  it('lists the newest first, with the file name sent URI-encoded', async () => {
    const user = await buildUser();
    const first = await importFile(user, STRONG, 'Strong, März 🏋️.csv');
    const second = await importFile(user, STRONG, 'again.csv');

    const res = await api().get('/api/imports').set(user.auth);

    expect(res.status).toBe(200);
    expect(
      res.body.imports.map((job: { id: string; fileName: string }) => [job.id, job.fileName]),
    ).toEqual([
      [second.id, 'again.csv'],
      [first.id, 'Strong, März 🏋️.csv'],
    ]);
    expect(first).toMatchObject({
      format: 'strong',
      status: 'done',
      finishedAt: expect.any(String),
    });
  });

  it('marks a running job whose process stopped beating as failed, and allows a new import', async () => {
    const user = await buildUser();
    const dead = await ImportJobModel.create({
      userId: user.user._id,
      format: 'hevy',
      fileName: 'hevy.csv',
      progress: { done: 120, total: 3000 },
      heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 1000),
    });
    const alive = await ImportJobModel.create({
      userId: user.user._id,
      format: 'hevy',
      progress: { done: 5, total: 3000 },
      heartbeatAt: new Date(),
    });

    const conflict = await postFile(user, '/api/imports', STRONG);
    expectError(conflict, 409, 'CONFLICT');
    await alive.deleteOne();

    const res = await api().get(`/api/imports/${dead.id}`).set(user.auth);
    expect(res.body.import).toMatchObject({
      status: 'failed',
      progress: { done: 120, total: 3000 },
      result: null,
      error: { code: 'IMPORT_INTERRUPTED' },
      finishedAt: expect.any(String),
    });
    expect((await importFile(user, STRONG)).status).toBe('done');
  });
});
