export { openDatabase, type Db, type OpenedDatabase } from './open-database';
export { DatabaseOpenError, type DatabaseProblem } from './database-error';
export { defaultMigrationsFolder } from './migrations-folder';
export * as schema from './schema';
