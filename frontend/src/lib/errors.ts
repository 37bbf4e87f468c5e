import { isAxiosError } from 'axios';

// The codes of backend/src/lib/errors.ts (ERROR_STATUS).
const API_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'EMAIL_TAKEN',
  'CONFLICT',
  'IDEMPOTENCY_IN_PROGRESS',
  'IDEMPOTENCY_KEY_REUSED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
  'INVALID_FILE',
] as const;

/** Codes the API sends, plus the two the client adds when no API answer is available. */
export type ApiErrorCode = (typeof API_CODES)[number] | 'NETWORK_ERROR' | 'UNKNOWN';

export type FieldError = { field: string; message: string };

type ErrorBody = {
  error?: {
    code?: unknown;
    message?: unknown;
    details?: unknown;
    requestId?: unknown;
    retryAfterSeconds?: unknown;
  };
};

const KNOWN_CODES = new Set<string>(API_CODES);

// What the user reads. The API's own message is only shown for validation failures, where it
// names the field; other messages are written for developers and may change without notice.
const USER_MESSAGES: Record<ApiErrorCode, string> = {
  VALIDATION_FAILED: 'Some of the values are not valid.',
  INVALID_JSON: 'The server could not read the request. Reload the page and try again.',
  BAD_REQUEST: 'The server could not read the request. Reload the page and try again.',
  UNAUTHENTICATED: 'Your session has ended. Please log in again.',
  INVALID_CREDENTIALS: 'The email or password is incorrect.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'That item no longer exists. It may have been deleted.',
  ROUTE_NOT_FOUND:
    'The server does not offer this yet. Reload the page; the app may be out of date.',
  EMAIL_TAKEN: 'An account with this email already exists.',
  CONFLICT: 'This already exists.',
  IDEMPOTENCY_IN_PROGRESS: 'Still saving your last change. Try again in a moment.',
  IDEMPOTENCY_KEY_REUSED: 'Something went wrong. Reload the page and try again.',
  PAYLOAD_TOO_LARGE: 'That is too much to save at once. Shorten it and try again.',
  UNSUPPORTED_MEDIA_TYPE: 'The server could not read the request. Reload the page and try again.',
  RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
  SERVICE_UNAVAILABLE: 'The server is temporarily unavailable. Try again in a moment.',
  INTERNAL: 'Something went wrong on the server. Try again later.',
  INVALID_FILE: 'This file cannot be imported.',
  NETWORK_ERROR: 'Cannot reach the server. Check your connection and try again.',
  UNKNOWN: 'Something went wrong. Try again.',
};

/** The one error shape the UI sees: branch on `code`, show `message`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number | null;
  readonly details: FieldError[];
  readonly requestId: string | null;
  /** When the API said to try again (rate limits, unavailability), in seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(input: {
    code: ApiErrorCode;
    message?: string;
    status?: number | null;
    details?: FieldError[];
    requestId?: string | null;
    retryAfterSeconds?: number | null;
  }) {
    super(input.message ?? USER_MESSAGES[input.code]);
    this.name = 'ApiError';
    this.code = input.code;
    this.status = input.status ?? null;
    this.details = input.details ?? [];
    this.requestId = input.requestId ?? null;
    this.retryAfterSeconds = input.retryAfterSeconds ?? null;
  }
}

/** Turns anything thrown by a request (axios error, API error body, bug) into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  if (!isAxiosError(error)) {
    return new ApiError({ code: 'UNKNOWN' });
  }
  if (!error.response) {
    return new ApiError({ code: 'NETWORK_ERROR' });
  }

  const { status } = error.response;
  const data: unknown = error.response.data;
  const body = (typeof data === 'object' && data !== null ? data : {}) as ErrorBody;
  const code = readCode(body.error?.code, status);
  const details = readDetails(body.error?.details);
  const requestId = typeof body.error?.requestId === 'string' ? body.error.requestId : null;
  const retryAfter = body.error?.retryAfterSeconds;
  const retryAfterSeconds = typeof retryAfter === 'number' && retryAfter > 0 ? retryAfter : null;
  const message = describe(code, body, details, retryAfterSeconds);

  return new ApiError({ code, status, details, requestId, retryAfterSeconds, message });
}

function readCode(code: unknown, status: number): ApiErrorCode {
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    return code as ApiErrorCode;
  }

  // A proxy in front of the API (NGINX) answers with HTML, so fall back to the status.
  if (status === 401) {
    return 'UNAUTHENTICATED';
  }
  if (status === 403) {
    return 'FORBIDDEN';
  }
  if (status === 404) {
    return 'NOT_FOUND';
  }
  if (status === 413) {
    return 'PAYLOAD_TOO_LARGE';
  }
  if (status === 429) {
    return 'RATE_LIMITED';
  }
  if (status === 502 || status === 503 || status === 504) {
    return 'SERVICE_UNAVAILABLE';
  }
  if (status >= 500) {
    return 'INTERNAL';
  }
  return 'UNKNOWN';
}

function readDetails(details: unknown): FieldError[] {
  if (!Array.isArray(details)) {
    return [];
  }

  return details.filter(
    (item): item is FieldError =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as FieldError).field === 'string' &&
      typeof (item as FieldError).message === 'string',
  );
}

function describe(
  code: ApiErrorCode,
  body: ErrorBody,
  details: FieldError[],
  retryAfterSeconds: number | null,
): string {
  if (code === 'RATE_LIMITED' && retryAfterSeconds !== null) {
    return `Too many attempts. Try again in ${describeWait(retryAfterSeconds)}.`;
  }
  if (code !== 'VALIDATION_FAILED' || details.length > 0) {
    return USER_MESSAGES[code];
  }

  const serverMessage = body.error?.message;
  return typeof serverMessage === 'string' && serverMessage ? serverMessage : USER_MESSAGES[code];
}

function describeWait(seconds: number): string {
  if (seconds < 60) {
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
  }

  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
