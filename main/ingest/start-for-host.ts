// How the hosts start the ingest API: a warning (console and log) when it listens beyond this machine; a taken
// default port is a warning, a taken port the user chose is fatal (they asked for that port).
import type { IngestStatus } from '../../shared/contract/events';
import type { Ingest } from './create-ingest';
import { resolveIngestAddress, type IngestAddress } from './ingest-address';

/** Listens at `address`; rejects only when the address was chosen explicitly, otherwise warns and carries on. */
export async function startIngestApi(ingest: Ingest, address: IngestAddress, warn: (message: string) => void): Promise<IngestStatus> {
  try {
    const status = await ingest.listen(address);
    if (!status.loopbackOnly) {
      warn(`WARNING: the ingest API listens on ${status.host}, beyond this machine. Anyone who can reach it and holds an API key can post events.`);
    }
    return status;
  } catch (error) {
    if (address.explicit) throw error;
    warn(`WARNING: the ingest API is not running. ${error instanceof Error ? error.message : String(error)}`);
    return ingest.status();
  }
}

/** For the desktop app: starts from KAYSE_INGEST_PORT / KAYSE_INGEST_HOST and never rejects (problems are warned). */
export async function startIngestInBackground(ingest: Ingest, env: Record<string, string | undefined>, warn: (message: string) => void): Promise<boolean> {
  try {
    const address = resolveIngestAddress({}, env);
    return (await startIngestApi(ingest, { ...address, explicit: false }, warn)).listening;
  } catch (error) {
    warn(`WARNING: the ingest API is not running. ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
