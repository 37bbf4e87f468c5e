import express from 'express';
import request from 'supertest';

import { HabitModel } from '../habits/model';
import { sendRaw } from '../test/attack';
import { useServer } from '../test/hardening';
import { api, buildUser, expectError, useTestServices } from '../test/setup';
import { refuseUnsupportedBodies } from './body-types';
import { errorHandler } from './error-handler';
import { requestContext } from './request-context';

useTestServices();
const server = useServer();

const asIs = (body: string) => body;

describe('a body that is not JSON on a JSON route', () => {
  it.each([
    ['text/plain', '{"name":"Read"}'],
    ['text/plain; charset=utf-8', '{"name":"Read"}'],
    ['application/x-www-form-urlencoded', 'name=Read'],
    ['multipart/form-data; boundary=x', '--x\r\n\r\nRead\r\n--x--'],
  ])('is refused 415 naming the Content-Type %s, and nothing is written', async (type, body) => {
    const user = await buildUser();
    const res = await api()
      .post('/api/habits')
      .set(user.auth)
      .set('Content-Type', type)
      .serialize(asIs)
      .send(body);

    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type');
    expect(res.body.error.message).toContain(type.split(';')[0]);
    expect(await HabitModel.countDocuments({ userId: user.user._id })).toBe(0);
  });

  it('is refused 415 without any Content-Type', async () => {
    const user = await buildUser();
    const res = await sendRaw(server(), {
      method: 'POST',
      path: '/api/habits',
      headers: { ...user.auth, 'content-type': '' },
      body: '{"name":"Read"}',
    });

    expect({ status: res.status, code: res.body.error.code }).toEqual({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect(res.body.error.details).toEqual([
      { field: 'Content-Type', message: 'Must be application/json' },
    ]);
    expect(res.body.error.message).toContain('none');
  });

  it('an empty body without a Content-Type is no body at all', async () => {
    const user = await buildUser();
    const habit = await api().post('/api/habits').set(user.auth).send({ name: 'Read' });
    const res = await api()
      .put(`/api/habits/${habit.body.id}/completions/${habit.body.startDate}`)
      .set(user.auth)
      .set('Content-Length', '0');

    expect({ status: res.status, date: res.body.date }).toEqual({
      status: 200,
      date: habit.body.startDate,
    });
  });

  it.each(['gzip', 'deflate', 'br'])(
    'a corrupt %s body is refused 415, never 500',
    async (encoding) => {
      const user = await buildUser();
      const res = await api()
        .post('/api/habits')
        .set(user.auth)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .serialize(asIs)
        .send('\u0001 not compressed at all');

      expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await HabitModel.countDocuments({ userId: user.user._id })).toBe(0);
    },
  );
});

describe('a route that opts in to another body type', () => {
  const app = express();
  app.use(requestContext);
  app.use(express.json());
  app.use(
    refuseUnsupportedBodies({ '/api/uploads': ['application/octet-stream'], '/api/files': 'any' }),
  );
  app.post('/api/files', express.raw({ type: () => true }), (req, res) => {
    res.json({ bytes: (req.body as Buffer).length });
  });
  app.post('/api/uploads', express.raw(), (req, res) => {
    res.json({ bytes: (req.body as Buffer).length });
  });
  app.post('/api/uploadsx', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler);

  it('takes its type, and JSON, but not another type', async () => {
    const octets = await request(app)
      .post('/api/uploads')
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from([1, 2, 3]));
    const text = await request(app)
      .post('/api/uploads')
      .set('Content-Type', 'text/plain')
      .send('abc');

    expect({ status: octets.status, body: octets.body }).toEqual({
      status: 200,
      body: { bytes: 3 },
    });
    expectError(text, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type');
  });

  it('takes a body of any type, or of none, where it accepts any', async () => {
    const text = await request(app).post('/api/files').set('Content-Type', 'text/csv').send('a,b');
    const none = await request(app)
      .post('/api/files')
      .set('Content-Type', '')
      .send(Buffer.from([1, 2]));

    expect([text.status, text.body, none.status]).toEqual([200, { bytes: 3 }, 200]);
  });

  it('does not extend to a path that only starts with the same letters', async () => {
    const res = await request(app)
      .post('/api/uploadsx')
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from([1, 2, 3]));

    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type');
  });
});
