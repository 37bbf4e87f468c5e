import winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';

import { config } from './config';

const REDACTED = '[redacted]';
const SECRET_KEY = /pass(word)?|token|secret|cookie|authorization/i;

/** Replaces the value of any field whose name looks secret, at any depth. */
function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1));
  }

  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1);
  }

  return copy;
}

const redactSecrets = winston.format((info) => {
  for (const key of Object.keys(info)) {
    info[key] = SECRET_KEY.test(key) ? REDACTED : redact(info[key]);
  }

  return info;
});

function buildTransports(): winston.transport[] {
  const consoleFormat =
    config.env === 'development'
      ? winston.format.combine(winston.format.colorize(), winston.format.simple())
      : winston.format.json();
  const transports: winston.transport[] = [
    new winston.transports.Console({ format: consoleFormat }),
  ];
  if (!config.logToFiles) {
    return transports;
  }

  // One set of files per PM2 worker: two processes sharing a file would both gzip it at midnight
  // and both rewrite one retention (audit) file, which silently turns retention off.
  const rotation = { dirname: config.logDir, datePattern: 'YYYY-MM-DD', zippedArchive: true };
  const worker = config.instance;
  transports.push(
    new DailyRotateFile({
      ...rotation,
      filename: `combined-%DATE%.${worker}.log`,
      maxFiles: '14d',
    }),
    new DailyRotateFile({
      ...rotation,
      filename: `error-%DATE%.${worker}.log`,
      level: 'error',
      maxFiles: '30d',
    }),
  );

  return transports;
}

export const logger = winston.createLogger({
  level: config.logLevel,
  defaultMeta: { service: 'api', pid: process.pid },
  format: winston.format.combine(
    redactSecrets(),
    winston.format.timestamp(),
    winston.format.errors({ stack: true }),
    winston.format.json(),
  ),
  transports: buildTransports(),
});

export type Logger = winston.Logger;

/**
 * Writes out what the log files and stdout still hold. Call it right before `process.exit`, which
 * would otherwise drop the last lines (under PM2 stdout is a pipe, and pipe writes are async).
 * The logger must not be used afterwards: the files are closed.
 */
export async function flushLogs(timeoutMs = 2000): Promise<void> {
  const files = logger.transports.filter(
    (transport): transport is DailyRotateFile => transport instanceof DailyRotateFile,
  );
  const closed = files.map(
    (file) =>
      new Promise<void>((resolve) => {
        file.once('finish', () => resolve());
        file.close?.();
      }),
  );
  const drained = new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });

  await Promise.race([Promise.all([...closed, drained]), timeout]);
  clearTimeout(timer);
}
