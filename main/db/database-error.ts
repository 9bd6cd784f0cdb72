import { AppError } from '../../shared/result';

export type DatabaseProblem = 'locked' | 'corrupt' | 'newer' | 'unreadable';

/** A database the console must not touch; the message says what happened and what to do. Nothing is reset. */
export class DatabaseOpenError extends AppError {
  constructor(
    readonly problem: DatabaseProblem,
    readonly file: string,
    message: string,
    cause?: unknown,
  ) {
    super('DATABASE_ERROR', message, { problem, file });
    this.name = 'DatabaseOpenError';
    if (cause !== undefined) this.cause = cause;
  }
}

/** Turns a better-sqlite3 failure at open/migrate time into an explanation a person can act on. */
export function explainOpenFailure(file: string, error: unknown): DatabaseOpenError {
  // drizzle wraps driver errors (DrizzleQueryError); the SQLite code is on the innermost cause.
  let inner: unknown = error;
  while ((inner as { cause?: unknown })?.cause !== undefined && (inner as { code?: string }).code === undefined) {
    inner = (inner as { cause: unknown }).cause;
  }
  const code = (inner as { code?: string }).code ?? '';
  const detail = inner instanceof Error ? inner.message : String(inner);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseOpenError(
      'locked',
      file,
      `The database ${file} is locked by another program (is another copy of the console running on this data folder?). ` +
        'Close it and start again. Nothing was changed.',
      error,
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseOpenError(
      'corrupt',
      file,
      `The database ${file} is damaged or is not a console database (${detail}). Nothing was changed or deleted. ` +
        'Restore it from a backup, or move it out of the data folder to start with an empty one.',
      error,
    );
  }
  return new DatabaseOpenError(
    'unreadable',
    file,
    `The database ${file} could not be opened (${detail}). Check that the data folder exists and is writable. Nothing was changed.`,
    error,
  );
}
