// `listChanged` over the Advanced API's modified-since listing (ASSUMED): the cursor is the last processed lead's
// modified time and id; each read starts a few seconds before it (LawRuler's filter may round times, and a lead saved
// as the last read ran may carry an earlier time) and drops what is at or before the cursor, so every lead comes
// once, in order. Within one call the listing is followed by (time, id) keys, never page numbers, so a lead edited
// while paging moves to the end instead of shifting another one out of sight.
import { CrmError } from '../crm/errors';
import type { ChangedPage, CrmCursor, CrmRecord } from '../crm/types';
import type { AdvancedApi, ModifiedFrom } from './advanced-api';
import type { WireLead } from './wire-schemas';

/** How far before the cursor each read starts. */
export const LISTING_OVERLAP_MS = 5_000;
export const DEFAULT_PAGE_SIZE = 100;
/** The largest page asked of LawRuler (ASSUMED limit). */
export const MAX_PAGE_SIZE = 500;
/** Listing pages read per call at most: only leads inside the overlap can be skipped, so this is never reached. */
const MAX_LISTING_PAGES = 50;

/** Orders numeric ids as numbers (a digit string of any length), others as text. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders positions by modified time, then id. */
export function comparePositions(a: CrmCursor, b: CrmCursor): number {
  return Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt) || compareIds(a.id, b.id);
}

const positionOf = (lead: WireLead): CrmCursor => ({ modifiedAt: lead.ModifiedDate, id: lead.LeadID });

const notOrdered = (message: string) => new CrmError({ crm: 'lawruler', kind: 'bad_response', operation: 'list changed leads', path: 'Leads' }, `LawRuler's listing of changed leads ${message}.`);

/** One page of leads changed after `cursor`, translated by `toRecord`. */
export async function listChangedLeads(api: AdvancedApi, cursor: CrmCursor | null, pageSize: number, toRecord: (lead: WireLead) => CrmRecord): Promise<ChangedPage> {
  const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(pageSize)));
  let from: ModifiedFrom | null = cursor ? { since: new Date(Date.parse(cursor.modifiedAt) - LISTING_OVERLAP_MS).toISOString() } : null;
  const kept: WireLead[] = [];
  let hasMore = true;
  for (let read = 0; read < MAX_LISTING_PAGES && kept.length < size && hasMore; read += 1) {
    const page = await api.modifiedLeads(from, size);
    let previous: CrmCursor | null = from?.afterId ? { modifiedAt: from.since, id: from.afterId } : null;
    for (const lead of page.leads) {
      const at = positionOf(lead);
      if (previous && comparePositions(previous, at) >= 0) throw notOrdered('is not in modified-time order, or repeats a lead');
      previous = at;
      if (!cursor || comparePositions(at, cursor) > 0) kept.push(lead);
    }
    hasMore = page.hasMore;
    const last = page.leads.at(-1);
    if (hasMore && !last) throw notOrdered('says more follow but answered none');
    if (last) from = { since: last.ModifiedDate, afterId: last.LeadID };
  }
  if (kept.length === 0 && hasMore) throw notOrdered(`did not move past the cursor in ${MAX_LISTING_PAGES} pages`);
  const records = kept.slice(0, size).map(toRecord);
  const last = records.at(-1);
  return {
    records,
    next: last ? { modifiedAt: last.modifiedAt, id: last.id } : cursor,
    caughtUp: !hasMore && kept.length <= size,
  };
}
