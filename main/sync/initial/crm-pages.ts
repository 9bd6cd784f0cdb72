// Reading the CRM's records page by page for the initial sync: a 429 waits for the CRM's Retry-After and reads the
// same page again; an unavailable CRM is tried again a few times with backoff before the run gives up (its
// checkpoint kept, so starting it again goes on from there). An expired token is the connector's business: it
// signs in again once by itself.
import { AppError } from '../../../shared/result';
import { CrmError, type ChangedPage, type CrmConnector, type CrmCursor } from '../../connectors';

/** Records asked for per page. */
export const INITIAL_PAGE_SIZE = 200;
/** Pages one run reads at most (every loop bounded): 10 million records at the default size. */
export const MAX_PAGES = 50_000;
const UNAVAILABLE_TRIES = 5;
const RATE_LIMIT_WAITS = 100;

export type Sleep = (ms: number) => Promise<void>;

export interface PageReader {
  connector: CrmConnector;
  pageSize: number;
  sleep: Sleep;
  /** True when the caller should stop waiting (cancelled, or the console is closing). */
  stopping(): boolean;
}

/** One page after `cursor`; null when the reader stopped while waiting. */
export async function readPage(r: PageReader, cursor: CrmCursor | null): Promise<ChangedPage | null> {
  let unavailable = 0;
  for (let waits = 0; waits < RATE_LIMIT_WAITS; waits += 1) {
    if (r.stopping()) return null;
    try {
      return await r.connector.listChanged(cursor, r.pageSize);
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      if (error.kind === 'rate_limited') {
        await r.sleep(error.crmDetails.retryAfterMs ?? 1_000);
        continue;
      }
      if (error.kind === 'unavailable' && unavailable < UNAVAILABLE_TRIES) {
        unavailable += 1;
        await r.sleep(1_000 * 2 ** (unavailable - 1));
        continue;
      }
      throw error;
    }
  }
  throw new AppError('UPSTREAM_ERROR', `The CRM kept answering 429 (rate limited) ${RATE_LIMIT_WAITS} times in a row; the initial sync stopped at its last page and can be started again.`);
}
