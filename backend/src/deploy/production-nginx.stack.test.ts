import { readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Agent, request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';

import { stack, waitUntil } from '../test/stack';
import {
  freePort,
  renderProductionNginx,
  startNginx,
  stopNginx,
  testConfig,
  type ProductionNginx,
} from '../test/production-nginx';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  protocol: string | null;
  peerName: string | undefined;
}

// The certificate is self-made for this test, so it cannot be verified.
const agent = new Agent({ keepAlive: true, maxSockets: 16, rejectUnauthorized: false });

function https(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
  { fresh = false } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path: urlPath, headers };
    // A fresh connection makes a full handshake, so the server's certificate can be read.
    const connection = fresh ? { agent: false as const, rejectUnauthorized: false } : { agent };
    const req = request({ ...options, ...connection }, (res) => {
      // Read now: with keep-alive the socket goes back to the pool when the body ends.
      const socket = res.socket as TLSSocket;
      const protocol = socket.getProtocol();
      const peerName = socket.getPeerCertificate().subject?.CN as string | undefined;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, protocol, peerName });
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${urlPath} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * One request as NGINX would refuse it, on a fresh connection: `claimedLength` announces a body
 * without sending it (NGINX refuses on the header alone and closes the connection).
 */
function refusedRequest(
  { port, tls }: { port: number; tls: boolean },
  { method = 'GET', urlPath, headers = {}, claimedLength }: RefusedRequest,
): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, method, path: urlPath, agent: false as const };
    const allHeaders = claimedLength
      ? { ...headers, 'Content-Length': String(claimedLength) }
      : headers;
    const send = tls ? request : httpRequest;
    const req = send({ ...options, headers: allHeaders, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body });
        req.destroy();
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${urlPath} timed out`)));
    // A reset of the unsent body after the answer is expected (the promise is settled by then).
    req.on('error', reject);
    if (claimedLength) {
      req.write('{"name":"');
    } else {
      req.end();
    }
  });
}

interface RefusedRequest {
  method?: string;
  urlPath: string;
  headers?: Record<string, string>;
  claimedLength?: number;
}

/** What NGINX itself refuses under /api, and the API's error code it must answer with. */
const NGINX_REFUSALS: Array<[string, RefusedRequest, number, string]> = [
  [
    'a 12 MB body',
    { method: 'POST', urlPath: '/api/habits', claimedLength: 12 * 1024 * 1024 },
    413,
    'PAYLOAD_TOO_LARGE',
  ],
  [
    'a 20 kB token',
    { urlPath: '/api/habits', headers: { Authorization: `Bearer ${'a'.repeat(20_000)}` } },
    400,
    'BAD_REQUEST',
  ],
  ['a NUL in the path', { urlPath: '/api/habits/%00' }, 400, 'BAD_REQUEST'],
  ['the metrics', { urlPath: '/api/metrics' }, 404, 'ROUTE_NOT_FOUND'],
  ['a 10 kB path', { urlPath: `/api/${'a'.repeat(10_000)}` }, 414, 'BAD_REQUEST'],
];

function expectApiError(
  label: string,
  answer: { status: number; type: string | undefined; body: string },
  status: number,
  code: string,
): void {
  expect({ label, status: answer.status, type: answer.type }).toEqual({
    label,
    status,
    type: 'application/json',
  });
  const parsed = JSON.parse(answer.body) as { error: Record<string, unknown> };
  expect(parsed.error).toEqual({
    code,
    message: expect.any(String),
    requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
  });
}

/** POSTs `body` over TLS and resolves with the status and body of the answer. */
function postHttps(port: number, urlPath: string, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length };
    const req = request(
      { host: '127.0.0.1', port, path: urlPath, method: 'POST', headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            protocol: null,
            peerName: undefined,
          });
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`${urlPath} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

// Past the 1 MB NGINX takes from any other request: only an import file may be this large.
const TWO_MEGABYTES = Buffer.alloc(2 * 1024 * 1024, 'a');

let nginx: ProductionNginx;

beforeAll(async () => {
  nginx = renderProductionNginx({ httpPort: await freePort(), httpsPort: await freePort() });
  startNginx(nginx);
  await waitUntil(
    'NGINX to answer',
    async () => (await https(nginx.httpsPort, '/health')).status === 200,
  );
});

afterAll(() => {
  agent.destroy();
  stopNginx(nginx);
  rmSync(nginx.dir, { recursive: true, force: true });
});

describe('nginx/nginx.conf, the production config', () => {
  it('passes nginx -t', () => {
    const result = testConfig(nginx);

    expect(result.output).toContain('syntax is ok');
    expect(result.output).toContain('test is successful');
    expect(result.status).toBe(0);
  });

  it('limits one client to its burst, then answers 429 in the API error shape', async () => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 80 }, () => https(nginx.httpsPort, '/api/health/live')),
    );
    const elapsedSeconds = (Date.now() - started) / 1000;

    const limited = answers.filter((answer) => answer.status === 429);
    const passed = answers.filter((answer) => answer.status === 200);
    expect(passed.length + limited.length).toBe(80);
    // burst=40 plus the one request the rate allows at once, plus what 20 r/s refilled meanwhile.
    expect(passed.length).toBeLessThanOrEqual(41 + Math.ceil(elapsedSeconds * 20));
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.headers['retry-after']).toBe('1');
    expect(JSON.parse(limited[0]?.body ?? '')).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'Too many requests, please slow down',
        requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    // Let the limit refill before the next test.
    await new Promise((resolve) => setTimeout(resolve, 2500));
  });

  it('serves the API over TLS with HSTS and passes the request id to it', async () => {
    const own = await https(
      nginx.httpsPort,
      '/api/health',
      { 'X-Request-Id': 'lb-request-0001' },
      { fresh: true },
    );
    const generated = await https(nginx.httpsPort, '/api/health');
    const malformed = await https(nginx.httpsPort, '/api/health', { 'X-Request-Id': 'no good!' });

    expect(own.status).toBe(200);
    expect(['TLSv1.2', 'TLSv1.3']).toContain(own.protocol);
    expect(own.peerName).toBe('localhost');
    expect(own.headers['strict-transport-security']).toBe('max-age=63072000');
    // X-Request-Id in a response is set by the API, from what NGINX passed it.
    expect(own.headers['x-request-id']).toBe('lb-request-0001');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(malformed.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never exposes the metrics, however the path is spelled', async () => {
    for (const spelling of [
      '/api/metrics',
      '/api/METRICS',
      '/api//metrics',
      '/api/metrics/',
      '/api/%6detrics',
    ]) {
      const answer = await https(nginx.httpsPort, spelling);
      expect({ spelling, status: answer.status }).toEqual({ spelling, status: 404 });
      expect(answer.body).not.toContain('http_request_duration_seconds');
    }
    // Prometheus scrapes each instance on its own port instead.
    const direct = await fetch(`http://127.0.0.1:${stack.apiPorts()[0]}/api/metrics`);
    expect(direct.status).toBe(200);
    expect(await direct.text()).toContain('http_request_duration_seconds_bucket');
  });

  it.each(NGINX_REFUSALS)(
    'answers %s in the API error shape, never an HTML page',
    async (label, refused, status, code) => {
      const answer = await refusedRequest({ port: nginx.httpsPort, tls: true }, refused);

      expectApiError(label, answer, status, code);
    },
  );

  it('answers the load balancer on plain HTTP and redirects everything else to HTTPS', async () => {
    const health = await fetch(`http://127.0.0.1:${nginx.httpPort}/health`);
    const page = await fetch(`http://127.0.0.1:${nginx.httpPort}/api/habits?x=1`, {
      redirect: 'manual',
    });

    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', ready: true });
    expect(page.status).toBe(301);
    expect(page.headers.get('location')).toBe('https://127.0.0.1/api/habits?x=1');
  });

  it('writes JSON access lines with the request id, and none for /health', async () => {
    await https(nginx.httpsPort, '/health');
    await https(nginx.httpsPort, '/api/health/live?token=not-logged', {
      'X-Request-Id': 'access-log-0001',
    });

    const lines = readFileSync(path.join(nginx.dir, 'logs/access.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { uri: string; requestId: string; status: number });
    expect(lines.filter((line) => line.uri === '/health')).toEqual([]);
    // 400: the API refuses unknown query parameters; the line is what matters here.
    expect(lines.find((line) => line.requestId === 'access-log-0001')).toMatchObject({
      uri: '/api/health/live',
      status: 400,
    });
    expect(readFileSync(path.join(nginx.dir, 'logs/access.log'), 'utf8')).not.toContain(
      'not-logged',
    );
  });

  it('caches Next.js static files for a year, and a missing one not at all', async () => {
    const login = await https(nginx.httpsPort, '/login');
    const asset = /\/_next\/static\/[^"]+?\.js/.exec(login.body)?.[0];
    if (!asset) {
      throw new Error(`no static asset linked from /login (status ${login.status})`);
    }

    const found = await https(nginx.httpsPort, asset);
    const missing = await https(nginx.httpsPort, '/_next/static/chunks/missing-0000.js');

    expect(found.status).toBe(200);
    expect(found.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('lets an import file past 1 MB through to the API, and refuses such a body elsewhere', async () => {
    // Unsigned: the API, not NGINX, answers, so the body got through.
    const preview = await postHttps(nginx.httpsPort, '/api/imports/preview', TWO_MEGABYTES);
    const habit = await postHttps(nginx.httpsPort, '/api/habits', TWO_MEGABYTES);

    expect(preview.status).toBe(401);
    expect(JSON.parse(preview.body)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(habit.status).toBe(413);
  });
});

describe('nginx/local.conf.template, the NGINX of the running stack', () => {
  it('passes the request id to the API and never exposes the metrics', async () => {
    const health = await fetch(`${stack.baseUrl()}/api/health`, {
      headers: { 'X-Request-Id': 'local-request-0001' },
    });
    const metrics = await fetch(`${stack.baseUrl()}/api/Metrics`);

    expect(health.headers.get('x-request-id')).toBe('local-request-0001');
    expect(metrics.status).toBe(404);
    expect(await metrics.text()).not.toContain('http_request_duration_seconds');
  });

  it.each(NGINX_REFUSALS)(
    'answers %s in the API error shape, never an HTML page',
    async (label, refused, status, code) => {
      const port = Number(new URL(stack.baseUrl()).port);
      const answer = await refusedRequest({ port, tls: false }, refused);

      expectApiError(label, answer, status, code);
    },
  );

  it('lets an import file past 1 MB through to the API, and refuses such a body elsewhere', async () => {
    const post = (urlPath: string) =>
      fetch(`${stack.baseUrl()}${urlPath}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: TWO_MEGABYTES,
      });
    const preview = await post('/api/imports/preview');
    const habit = await post('/api/habits');

    expect(preview.status).toBe(401);
    expect(await preview.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(habit.status).toBe(413);
  });
});
