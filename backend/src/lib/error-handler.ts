import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';

import { AppError } from './errors';
import { isRedisUnavailable } from './redis';

interface HttpLikeError {
  type?: string;
  status?: number;
}

// Mongoose's own messages quote the rejected value; answers name the rule instead.
const SCHEMA_RULE_MESSAGES: Record<string, string> = {
  required: 'Required',
  maxlength: 'Too long',
  minlength: 'Too short',
  min: 'Too small',
  max: 'Too large',
  enum: 'Not an allowed value',
};

// What a 503 tells a client about when to come back (a dependency usually returns within seconds).
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongooseServerSelectionError',
]);

function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  // Mongoose refuses commands while disconnected because buffering is off.
  if (
    error.message.includes('buffering is disabled') ||
    error.message.includes('Client must be connected')
  ) {
    return true;
  }

  return UNAVAILABLE_ERRORS.has(error.name);
}

/** Translates anything thrown into an AppError; unknown errors become a masked 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) {
    return error;
  }

  const http = error as HttpLikeError;
  if (http.type === 'entity.parse.failed') {
    return new AppError('INVALID_JSON', 'Malformed JSON body', {
      userMessage: 'The request body is not valid JSON',
    });
  }
  if (http.type === 'entity.too.large') {
    return new AppError('PAYLOAD_TOO_LARGE', 'Request body too large', {
      userMessage: 'The request body is too large',
    });
  }
  if (http.type === 'encoding.unsupported' || http.type === 'charset.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding', {
      userMessage: 'Unsupported body encoding',
    });
  }
  // Any other 4xx raised before our handlers is the client's: the body parser's (a body shorter
  // than its Content-Length, an aborted upload) and the router's (a path parameter whose
  // percent-encoding does not decode).
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500) {
    return new AppError('BAD_REQUEST', 'Unreadable request body', {
      userMessage: 'The request body could not be read',
    });
  }
  if (error instanceof mongoose.Error.CastError) {
    return new AppError('VALIDATION_FAILED', 'Invalid value', {
      userMessage: `Invalid value for ${error.path}`,
      details: [{ field: error.path, message: 'Invalid value' }],
    });
  }
  if (error instanceof mongoose.Error.ValidationError) {
    const details = Object.values(error.errors).map((item) => ({
      field: item.path,
      message: SCHEMA_RULE_MESSAGES[item.kind] ?? 'Invalid value',
    }));

    return new AppError('VALIDATION_FAILED', 'Invalid input', {
      userMessage: 'Invalid input',
      details,
    });
  }
  if (isDuplicateKey(error)) {
    return new AppError('CONFLICT', 'Duplicate key', {
      userMessage: 'This already exists',
      cause: error,
    });
  }
  if (isDatabaseUnavailable(error) || isRedisUnavailable(error)) {
    return new AppError('SERVICE_UNAVAILABLE', 'Dependency unavailable', {
      userMessage: 'The service is temporarily unavailable, please try again shortly',
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      cause: error,
    });
  }

  return new AppError('INTERNAL', 'Unexpected error', {
    userMessage: 'Something went wrong on our side',
    cause: error,
  });
}

/** The one place errors become responses: one body shape, never a stack trace. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const appError = toAppError(error);
  if (appError.status >= 500) {
    const cause = appError.code === 'INTERNAL' ? error : appError.cause;
    req.log.error('request error', {
      code: appError.code,
      error: cause instanceof Error ? cause.stack : String(cause),
    });
  }
  if (appError.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(appError.retryAfterSeconds));
  }

  res.status(appError.status).json({
    error: {
      code: appError.code,
      message: appError.userMessage ?? appError.message,
      ...(appError.details ? { details: appError.details } : {}),
      ...(appError.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: appError.retryAfterSeconds }),
      requestId: req.id,
    },
  });
};

export const routeNotFound: RequestHandler = () => {
  throw new AppError('ROUTE_NOT_FOUND', 'Route not found', { userMessage: 'Route not found' });
};
