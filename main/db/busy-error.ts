// Telling "the database is busy" (a write that waited out the busy timeout for another connection's lock) from
// every other failure, by SQLite's own result code rather than by the wording of a message.

/** Seconds a client should wait before retrying a write refused as busy: about one busy timeout. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** The SQLite result code (`SQLITE_BUSY_SNAPSHOT`, …) of a driver error, or null; drizzle wraps them, so causes are followed. */
export function sqliteCodeOf(error: unknown): string | null {
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return null;
}

/** True when another connection's lock kept a statement from running: SQLITE_BUSY* or SQLITE_LOCKED*. */
export function isDatabaseBusy(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  if (code !== null) return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  // An error that crossed a thread or process boundary without its code keeps only SQLite's message.
  return error instanceof Error && /^database (is locked|table is locked)/.test(error.message);
}
