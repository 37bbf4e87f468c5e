import request from 'supertest';

import { createApp } from '../app';
import { loadConfig } from '../lib/config';
import { api, expectError, useTestServices } from '../test/setup';
import { BARE_HELLO_PATH, FULL_HELLO_PATH } from './anchors';

useTestServices();

describe('bench anchors', () => {
  it('are off unless BENCH_ANCHORS is "true"', () => {
    expect(loadConfig({}).benchAnchors).toBe(false);
    expect(loadConfig({ BENCH_ANCHORS: 'true' }).benchAnchors).toBe(true);
    expect(() => loadConfig({ BENCH_ANCHORS: 'yes' })).toThrow('BENCH_ANCHORS must be');
  });

  it('answer 404 in an app built without them', async () => {
    expectError(await api().get(BARE_HELLO_PATH), 404, 'ROUTE_NOT_FOUND');
    expectError(await api().get(FULL_HELLO_PATH), 404, 'ROUTE_NOT_FOUND');
  });
});

describe(`GET ${BARE_HELLO_PATH}`, () => {
  it('answers the hello body without passing any middleware', async () => {
    const res = await request(createApp({ benchAnchors: true })).get(BARE_HELLO_PATH);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ hello: 'world' });
    // Set by request-context and helmet: their absence shows the route sits before both.
    expect(res.headers['x-request-id']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBeUndefined();
    expect(res.headers.ratelimit).toBeUndefined();
  });
});

describe(`GET ${FULL_HELLO_PATH}`, () => {
  it('answers the hello body after every app-wide middleware', async () => {
    const res = await request(createApp({ benchAnchors: true }))
      .get(FULL_HELLO_PATH)
      .set('Origin', 'http://localhost:8080');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ hello: 'world' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:8080');
    // Counted by the general rate limit, as every API request is.
    expect(res.headers['ratelimit-policy']).toMatch(/^"general"; q=\d+; w=\d+/);
  });
});
