export { createIngest, type Ingest, type IngestDeps } from './create-ingest';
export type { AcceptContext, AcceptResult, EventListener, IngestService } from './ingest-service';
export { toStored, type EventFilter, type EventRow, type EventStore, type InsertOutcome } from './event-store';
export type { ApiKeyStore } from './api-key-store';
export { DEFAULT_INGEST_HOST, DEFAULT_INGEST_PORT, explainListenError, isLoopbackAddress, resolveIngestAddress, type IngestAddress } from './ingest-address';
export { MAX_BATCH } from './event-parser';
export { startIngestApi, startIngestInBackground } from './start-for-host';
export { eventsHandlers, type EventsDeps } from './events-handlers';
