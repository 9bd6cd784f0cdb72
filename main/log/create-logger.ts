// Structured JSON logs in <dataDir>/logs, rotated by size. Anything that looks like a credential is redacted
// by key, and secret values are never handed to the logger in the first place.
import { mkdirSync } from 'node:fs';
import { pino, type Logger } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export type { Logger } from 'pino';

const SECRET_KEYS = ['password', 'secret', 'token', 'apiKey', 'api_key', 'appKey', 'clientSecret', 'authorization', 'cookie', 'value'];

/** Redaction paths for secret-bearing keys at the top level and two levels down. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export interface LoggerHandle {
  logger: Logger;
  logDir: string;
  /** Flushes and closes the log file. */
  close(): Promise<void>;
}

export interface LoggerOptions {
  logDir: string;
  level?: string;
  /** Rotate when the file reaches this size (rotating-file-stream syntax, e.g. "10M"). */
  size?: string;
  maxFiles?: number;
}

export function createLogger({ logDir, level = 'info', size = '10M', maxFiles = 5 }: LoggerOptions): LoggerHandle {
  mkdirSync(logDir, { recursive: true });
  // Classic logrotate naming: console.log is current, console.log.1 the one before, up to maxFiles old ones.
  // Owner-only whatever the umask: the log names clients and cases.
  const stream: RotatingFileStream = createStream('console.log', { path: logDir, size, rotate: maxFiles, mode: 0o600 });
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    stream,
  );
  return {
    logger,
    logDir,
    close: () =>
      new Promise<void>((resolve) => {
        logger.flush();
        stream.end(() => resolve());
      }),
  };
}
