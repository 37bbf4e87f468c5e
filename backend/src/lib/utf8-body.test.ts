import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HabitModel } from '../habits/model';
import type { Answer } from '../test/attack';
import { useServer } from '../test/hardening';
import { buildUser, useTestServices } from '../test/setup';

useTestServices();
const server = useServer();

/** Posts bytes exactly as given (supertest and fetch would re-encode them). */
function postBytes(path: string, headers: Record<string, string>, body: Buffer) {
  const { port } = server().address() as AddressInfo;

  return new Promise<Pick<Answer, 'status' | 'body'>>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  );

describe('POST /api/habits with text that is not valid Unicode', () => {
  it.each([
    ['a byte 0xFF', [0xff]],
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ])('refuses %s in name, naming name, and writes nothing', async (_label, invalid) => {
    const user = await buildUser();
    const res = await postBytes('/api/habits', user.auth, bytes('{"name":"Run', invalid, '"}'));

    expect({
      status: res.status,
      code: res.body.error.code,
      details: res.body.error.details,
    }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'name', message: 'Must be valid UTF-8 text' }],
    });
    expect(await HabitModel.countDocuments({ userId: user.user._id })).toBe(0);
  });

  it('names a key holding invalid bytes, and the body when it is not JSON', async () => {
    const user = await buildUser();
    const inKey = await postBytes(
      '/api/habits',
      user.auth,
      bytes('{"name":"Run","x', [0xff], '":1}'),
    );
    const notJson = await postBytes('/api/habits', user.auth, bytes('{"name":', [0xff]));

    expect(inKey.body.error.details).toEqual([
      { field: '["x\uFFFD"]', message: 'Must be valid UTF-8 text' },
    ]);
    expect(notJson.body.error.details).toEqual([
      { field: 'body', message: 'Must be valid UTF-8 text' },
    ]);
  });

  it('accepts valid multi-byte text, U+FFFD itself included', async () => {
    const user = await buildUser();
    const res = await postBytes(
      '/api/habits',
      user.auth,
      Buffer.from('{"name":"Läufe 💪 \uFFFD"}'),
    );

    expect({ status: res.status, name: res.body.name }).toEqual({
      status: 201,
      name: 'Läufe 💪 \uFFFD',
    });
  });

  it.each([
    ['a lone high surrogate in name', '{"name":"Run\\ud800"}', 'name'],
    [
      'a lone low surrogate in description',
      '{"name":"Run","description":"\\udc00x"}',
      'description',
    ],
    ['a lone surrogate in a key', '{"name":"Run","\\ud83d":1}', '\uFFFD'],
  ])('refuses %s, naming it', async (_label, text, field) => {
    const user = await buildUser();
    const res = await postBytes('/api/habits', user.auth, Buffer.from(text));

    expect({ status: res.status, code: res.body.error.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(res.body.error.details[0].message).toBe('Must be valid Unicode text');
    if (field !== '\uFFFD') {
      expect(res.body.error.details).toEqual([{ field, message: 'Must be valid Unicode text' }]);
    }
    expect(await HabitModel.countDocuments({ userId: user.user._id })).toBe(0);
  });
});
