// The initial sync's front door inside sync/: the service create-sync composes.
export { createInitialSync, type InitialSync, type InitialSyncDeps } from './create-initial-sync';
