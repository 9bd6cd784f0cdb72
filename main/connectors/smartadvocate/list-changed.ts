// Cases changed after a cursor, through SmartAdvocate's modified-since paged listing (ASSUMED: cases sorted by
// modified time, then id, both bounds inclusive). Each call asks again from the cursor's time less an overlap, at
// page 0, rather than walking page numbers across calls: a case edited while we page moves to the end of the
// order and would shift every later page by one, skipping a case. The overlap absorbs a server that compares the
// bound coarser than we do (whole seconds, another zone); cases at or before the cursor (modified time, then id)
// are dropped, so the overlap is never returned twice. Only when a whole page lies at or before the cursor (many
// cases changed at one instant) does the call step through page numbers, bounded.
import type { Clock } from '../../kernel';
import type { ChangedPage, CrmCursor, CrmRecord } from '../crm/types';
import type { AssumedEndpoints } from './assumed-endpoints';
import { saError } from './read-answer';
import type { WireCaseRecord } from './wire-assumed';
import { toUtcIso } from './wire-public';

export interface ListingDeps {
  api: Pick<AssumedEndpoints, 'casePage'>;
  clock: Clock;
  /** Wire cases → records (loading the UDF and substatus references they need). */
  translate(cases: WireCaseRecord[], operation: string, where: (i: number) => string): Promise<CrmRecord[]>;
  /** How far before the cursor each call reads again; default a minute. */
  overlapMs?: number;
}

export const DEFAULT_PAGE_SIZE = 200;
/** ASSUMED to be what the listing accepts; larger requests are cut to it. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_OVERLAP_MS = 60_000;
/** The upper bound is a little after now: a server clock ahead of ours doesn't hide fresh edits, a case dated far in the future can't jump the cursor there. */
const CLOCK_MARGIN_MS = 5 * 60_000;
/** Pages one call may step through when they hold only cases at or before the cursor. */
const MAX_PAGES_PER_CALL = 500;
export const BEGINNING_ISO = '1900-01-01T00:00:00.000Z';

export async function listChanged(deps: ListingDeps, cursor: CrmCursor | null, pageSize = DEFAULT_PAGE_SIZE): Promise<ChangedPage> {
  const operation = 'list changed cases';
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
  const toIso = new Date(deps.clock.now().getTime() + CLOCK_MARGIN_MS).toISOString();
  const after = cursor ? afterCursor(cursor) : () => true;
  let fromMs = cursor ? Math.max(Date.parse(BEGINNING_ISO), Date.parse(cursor.modifiedAt) - (deps.overlapMs ?? DEFAULT_OVERLAP_MS)) : Date.parse(BEGINNING_ISO);
  if (Number.isNaN(fromMs)) throw new TypeError(`listChanged: the cursor's modifiedAt "${cursor?.modifiedAt}" is not a date-time`);
  let currentPage = 0;

  for (let step = 0; step < MAX_PAGES_PER_CALL; step += 1) {
    const page = await deps.api.casePage({ fromIso: new Date(fromMs).toISOString(), toIso, currentPage, pageSize: size });
    checkOrder(page.items, operation);
    const more = page.items.length > 0 && page.currentPage * page.pageSize + page.items.length < page.totalCount;
    const fresh = page.items.filter(after);
    if (fresh.length > 0 || !more) {
      const skipped = page.items.length - fresh.length;
      const records = await deps.translate(fresh, operation, (i) => `items.${i + skipped}`);
      const last = records.at(-1);
      return { records, next: last ? { modifiedAt: last.modifiedAt, id: last.id } : cursor, caughtUp: !more };
    }
    // The whole page was at or before the cursor: move the lower bound up to its last case, or, when every case
    // on it changed at the same instant, step to the next page of that instant.
    const lastMs = Date.parse(page.items.at(-1)!.modifiedDate);
    if (lastMs > fromMs) {
      fromMs = lastMs;
      currentPage = 0;
    } else {
      currentPage += 1;
    }
  }
  throw saError(
    { kind: 'unavailable', operation },
    `SmartAdvocate listed more than ${MAX_PAGES_PER_CALL} pages of cases changed at the cursor's instant; the listing will be tried again.`,
  );
}

/**
 * Which of two UTC ISO times is earlier (negative, zero, positive). The wire schema writes every time as
 * `YYYY-MM-DDTHH:MM:SS.sssZ`, which sorts as text; anything else (a cursor stored in another form) is parsed.
 */
function compareTimes(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

/** Cases strictly after the cursor: a later modified time, or the same one and a larger case id. */
function afterCursor(cursor: CrmCursor): (wire: WireCaseRecord) => boolean {
  const at = toUtcIso(cursor.modifiedAt) ?? cursor.modifiedAt;
  const id = Number(cursor.id);
  return (wire) => {
    const order = compareTimes(wire.modifiedDate, at);
    return order > 0 || (order === 0 && wire.caseID > id);
  };
}

/** The listing's order is what the cursor relies on: out of order is a broken assumption, said loudly. */
function checkOrder(items: WireCaseRecord[], operation: string): void {
  for (let i = 1; i < items.length; i += 1) {
    const a = items[i - 1]!;
    const b = items[i]!;
    const order = compareTimes(a.modifiedDate, b.modifiedDate);
    if (order > 0 || (order === 0 && a.caseID >= b.caseID)) {
      throw saError(
        { kind: 'bad_response', operation, path: `items.${i}` },
        `SmartAdvocate listed changed cases out of order (case ${b.caseID} after case ${a.caseID}); the console relies on modified time, then case id.`,
      );
    }
  }
}
