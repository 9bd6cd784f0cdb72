export { openDatabase, type Db, type OpenedDatabase } from './open-database';
export { DatabaseOpenError, type DatabaseProblem } from './database-error';
export { defaultMigrationsFolder } from './migrations-folder';
export * as schema from './schema';
export { defineReadTransaction, defineWriteTransaction, readTransaction, writeTransaction } from './transactions';
export { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy, sqliteCodeOf } from './busy-error';
export { explainOpenFailure } from './database-error';
export type { FieldChanges } from './schema/changes';
