/** Every error the API can answer with, and its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  CONFLICT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** An uploaded file that cannot be used as a whole (empty, binary, truncated, unknown). */
  INVALID_FILE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  field: string;
  message: string;
}

interface AppErrorOptions {
  userMessage?: string;
  details?: FieldError[];
  /** When the client may try again; sent as `Retry-After` and in the body. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** The one error type services throw; the error middleware turns it into a response. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly userMessage: string | undefined;
  readonly details: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.userMessage = options.userMessage;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function notFound(resource: string): AppError {
  return new AppError('NOT_FOUND', `${resource} not found`, {
    userMessage: `${resource} not found`,
  });
}

/** The details without repeats: two rules may find the same fault in one field. */
export function withoutRepeats(details: FieldError[]): FieldError[] {
  const seen = new Set<string>();

  return details.filter((detail) => {
    const key = `${detail.field}\u0000${detail.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);

    return true;
  });
}

export function validationFailed(details: FieldError[]): AppError {
  const fields = [...new Set(details.map((detail) => detail.field))].join(', ');

  return new AppError('VALIDATION_FAILED', `Invalid input: ${fields}`, {
    userMessage: `Invalid input: ${fields}`,
    details: withoutRepeats(details),
  });
}
