// Why a start-up failed, as the sentence a person acts on: what happened, why, and what to do. The database's own
// refusals (locked, damaged, newer) are worded in db/database-error.ts; this adds the failures around them.
import { join } from 'node:path';
import { AppError } from '../../shared/result';
import { explainOpenFailure } from '../db';

/** A start-up failure that is not the database's: its message is the explanation. */
export class StartupError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = 'StartupError';
    if (cause !== undefined) this.cause = cause;
  }
}

export interface StartupContext {
  dataDir: string;
  databasePath: string;
}

const codeOf = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');

/**
 * The explained form of anything thrown while the console starts. Errors that already explain themselves
 * (AppError, DatabaseOpenError, StartupError) pass through; a raw SQLite error — which can surface after the
 * database opened, e.g. when resuming webhook deliveries finds it locked — is worded like an open failure.
 */
export function explainStartupFailure(error: unknown, { dataDir, databasePath }: StartupContext): Error {
  if (error instanceof AppError || error instanceof StartupError) return error;
  const code = codeOf(error);
  if (code.startsWith('SQLITE_')) return explainOpenFailure(databasePath, error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC') {
    return new StartupError(`The disk holding the data folder ${dataDir} is full (${detail}). Free some space and start again. Nothing was changed.`, error);
  }
  if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOENT', 'ELOOP', 'ENAMETOOLONG'].includes(code)) {
    return new StartupError(
      `The data folder ${dataDir} can't be used (${detail}). Start with a folder this user can write (KAYSE_DATA_DIR, ` +
        'or --data-dir for the headless host), or fix the folder and start again. Nothing was changed.',
      error,
    );
  }
  return new StartupError(`An unexpected error stopped the start (${detail}). The log ${join(dataDir, 'logs', 'console.log')} has the details, if it could be written.`, error);
}
