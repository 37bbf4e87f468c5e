// Builds requests from the sample table with one input spoiled, and checks the answer.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { request as httpRequest, type Server } from 'node:http';

import { percentEncode, type AttackCase, type Change, type Expected, type Slot } from './hostile';
import type { AppRoute } from './routes';
import { OWNER_EMAIL, UNIQUE_EMAIL, UNIQUE_ID, type RouteSample } from './route-samples';
import type { TestUser } from './setup';

export interface RequestContext {
  server: Server;
  owner: TestUser;
  /** Path parameter values by name. */
  params: Record<string, string>;
  /** Ids of the fixtures a body names, by placeholder (`<fixture habit>`). */
  fixtures: Fixtures;
  headers: Record<string, string>;
}

type Fixtures = Record<string, string>;

const HOLE_TEXT = '@@hole-7f3a@@';
const HOLE = JSON.stringify(HOLE_TEXT);

function resolvePlaceholders(value: unknown, owner: TestUser, fixtures: Fixtures): unknown {
  if (value === OWNER_EMAIL) {
    return owner.user.email;
  }
  if (typeof value === 'string' && value in fixtures) {
    return fixtures[value];
  }
  if (value === UNIQUE_EMAIL) {
    return `sample.${randomBytes(6).toString('hex')}@example.test`;
  }
  if (value === UNIQUE_ID) {
    return randomBytes(8).toString('hex');
  }
  if (Array.isArray(value)) {
    return value.map((item) => resolvePlaceholders(item, owner, fixtures));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolvePlaceholders(item, owner, fixtures)]),
    );
  }

  return value;
}

function setAt(target: unknown, path: Array<string | number>, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1] as string | number] = value;
}

/** The body a request would send, placeholders resolved (once: call again for fresh ones). */
export function bodyText(sample: RouteSample, context: RequestContext, change?: Change) {
  const { owner, fixtures } = context;
  const base = resolvePlaceholders(sample.body ?? {}, owner, fixtures) as Record<string, unknown>;
  switch (change?.type) {
    case 'value':
      if (change.slot.location !== 'body') {
        break;
      }
      setAt(base, change.slot.path, change.value);

      return JSON.stringify(base);
    case 'raw':
      setAt(base, change.slot.path, HOLE_TEXT);

      return JSON.stringify(base).replace(HOLE, () => change.text);
    case 'body':
      return change.text;
    case 'extra': {
      const text = JSON.stringify(base);
      const extra = `${JSON.stringify(change.key)}:${change.text}`;

      return text === '{}' ? `{${extra}}` : `${text.slice(0, -1)},${extra}}`;
    }
    case 'query':
    case 'path':
    case undefined:
      break;
  }

  return sample.body === undefined ? undefined : JSON.stringify(base);
}

function urlOf(route: AppRoute, sample: RouteSample, context: RequestContext, change?: Change) {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
    change?.type === 'path' && change.slot.field === name
      ? change.text
      : encodeURIComponent(context.params[name] ?? ''),
  );
  const query = new URLSearchParams(sample.query ?? {});
  if (change?.type === 'query' && change.replaces) {
    query.delete(change.replaces);
  }
  const parts = [query.toString(), change?.type === 'query' ? change.text : ''].filter(Boolean);

  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON answer
  body: any;
}

/**
 * Sends a request exactly as given: a body on any method (a GET with a body too), the path
 * unnormalised (broken percent-encoding included). supertest and fetch do neither.
 */
export function sendRaw(
  server: Server,
  { method, path, headers = {}, body }: RawRequest,
): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  // An empty value means "no such header" (a test taking the bearer token away).
  const allHeaders: Record<string, string | number> = Object.fromEntries(
    Object.entries(headers).filter(([, value]) => value !== ''),
  );
  if (body !== undefined) {
    // JSON unless the caller chose a type, or none at all with an empty value.
    if (!('content-type' in headers)) {
      allHeaders['content-type'] = 'application/json';
    }
    allHeaders['content-length'] = Buffer.byteLength(body);
  }

  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: allHeaders },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text === '' ? {} : JSON.parse(text);
          } catch {
            // Not JSON: kept as text, and the checks will say so.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends the route's valid sample, with one change when given. */
export function send(
  route: AppRoute,
  sample: RouteSample,
  context: RequestContext,
  change?: Change,
): Promise<Answer> {
  const headers: Record<string, string> = {
    ...(route.requiresAuth ? context.owner.auth : {}),
    ...context.headers,
  };
  if (sample.file !== undefined) {
    // A file route's body is the file: only its query, path and headers are spoiled.
    return sendRaw(context.server, {
      method: route.method,
      path: urlOf(route, sample, context, change),
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: sample.file,
    });
  }

  return sendRaw(context.server, {
    method: route.method,
    path: urlOf(route, sample, context, change),
    headers: { ...headers, ...(change?.type === 'body' ? change.headers : {}) },
    body: bodyText(sample, context, change),
  });
}

/** Whether an answer names the field, a part of it, or what contains it. */
export function namesField(res: Answer, field: string): boolean {
  const details = (res.body?.error?.details ?? []) as Array<{ field?: unknown }>;
  const related = (a: string, b: string) => a.startsWith(`${b}.`) || a.startsWith(`${b}[`);

  return details.some(
    ({ field: named }) =>
      typeof named === 'string' &&
      (named === field || related(named, field) || related(field, named)),
  );
}

/** Throws, describing the case, unless the answer is the expected error in our one shape. */
export function expectRefusal(route: AppRoute, label: string, expected: Expected, res: Answer) {
  const error = res.body?.error as { code?: unknown; message?: unknown; requestId?: unknown };
  const problems = [
    res.status === expected.status ? '' : `status ${res.status}, expected ${expected.status}`,
    error?.code === expected.code ? '' : `code ${String(error?.code)}, expected ${expected.code}`,
    /application\/json/.test(String(res.headers['content-type'])) ? '' : 'not JSON',
    typeof error?.message === 'string' && typeof error?.requestId === 'string'
      ? ''
      : 'not our error shape',
    /\bat .+\.(ts|js):\d+/.test(JSON.stringify(res.body)) ? 'a stack trace in the body' : '',
    expected.field === undefined || namesField(res, expected.field)
      ? ''
      : `does not name "${expected.field}"`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(
      `${route.key}, ${label}: ${problems.join('; ')}\n  answer: ${JSON.stringify(res.body).slice(0, 500)}`,
    );
  }
}

export function describeCase(attack: AttackCase): string {
  return `[${attack.category}] ${attack.label}`;
}

export function slotChange(slot: Slot, value: unknown): Change {
  if (slot.location === 'params') {
    return { type: 'path', slot, text: percentEncode(String(value)) };
  }
  if (slot.location === 'query') {
    const values = Array.isArray(value) ? value : [value];
    const text = values.map((item) => `${slot.field}=${percentEncode(String(item))}`);

    return { type: 'query', text: text.join('&'), replaces: slot.field };
  }

  return { type: 'value', slot, value };
}
