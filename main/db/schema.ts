// The console's tables, one file per capability. Change them, then `npm run db:generate` to write the migration.
export * from './schema/company';
export * from './schema/workspace';
export * from './schema/changes';
export * from './schema/events';
export * from './schema/webhooks';
export * from './schema/crm';
export * from './schema/sync';
export * from './schema/sync-links';
export * from './schema/scheduling-connection';
export * from './schema/sync-initial';
export * from './schema/sync-runs';
export * from './schema/sync-pull';
export * from './schema/scheduling-activity';
