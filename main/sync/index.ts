// The sync capability's front door: its factory, its handlers, and the pieces the engine will decide with (the
// reverse status look-up).
export { createSync, type Sync, type SyncDeps, type SyncOptions } from './create-sync';
export { syncHandlers, type SyncHandlerDeps } from './sync-handlers';
export { kayseStatusFor } from './status-mappings';
export { createRateLimiter, limitConnector, type RateLimiter } from './engine/rate-limit';
