// The simulated portal's leads: kept by id and in (modified time, id) order, so the modified-since listing is a
// binary search even at 100,000 leads; each lead as LawRuler's answers show it (ASSUMED JSON, see ../README.md).
import type { SimCatalog } from './sim-catalog';

export interface SimLead {
  id: number;
  contactId: number;
  caseTypeId: number;
  statusId: number;
  firstName: string;
  lastName: string;
  cellPhone: string;
  email: string;
  tags: string;
  summary: string;
  createdMs: number;
  modifiedMs: number;
  statusMs: number;
  /** Custom values as the portal stores them (form text), by field id. */
  custom: Map<string, string>;
}

export interface SimLeads {
  get(id: number): SimLead | undefined;
  count(): number;
  /** Adds a lead (its id and times set by the caller). */
  add(lead: SimLead): void;
  /** Changes a lead and moves its modified time to `atMs`. */
  touch(lead: SimLead, atMs: number, change: (lead: SimLead) => void): void;
  /** Leads at or after `sinceMs` (or strictly after (sinceMs, afterId)), oldest first, at most `limit`. */
  modifiedFrom(sinceMs: number | null, afterId: number | null, limit: number): { leads: SimLead[]; hasMore: boolean };
  search(by: { tag?: string; email?: string; phone?: string; caseNumber?: string }): SimLead[];
  nextId(): number;
}

const before = (a: SimLead, ms: number, id: number) => a.modifiedMs < ms || (a.modifiedMs === ms && a.id < id);
const digits = (s: string) => s.replace(/\D/g, '');

export function createSimLeads(): SimLeads {
  const byId = new Map<number, SimLead>();
  const order: SimLead[] = [];
  let next = 1001;

  /** First index whose lead is not before (ms, id). */
  const lowerBound = (ms: number, id: number) => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(order[mid]!, ms, id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const insert = (lead: SimLead) => order.splice(lowerBound(lead.modifiedMs, lead.id), 0, lead);

  return {
    get: (id) => byId.get(id),
    count: () => byId.size,
    add(lead) {
      byId.set(lead.id, lead);
      next = Math.max(next, lead.id + 1);
      // Seeding adds in time order: appending keeps the order without a search.
      const last = order.at(-1);
      if (!last || before(last, lead.modifiedMs, lead.id)) order.push(lead);
      else insert(lead);
    },
    touch(lead, atMs, change) {
      order.splice(lowerBound(lead.modifiedMs, lead.id), 1);
      change(lead);
      lead.modifiedMs = atMs;
      insert(lead);
    },
    modifiedFrom(sinceMs, afterId, limit) {
      const start = sinceMs === null ? 0 : afterId === null ? lowerBound(sinceMs, -1) : lowerBound(sinceMs, afterId + 1);
      const leads = order.slice(start, start + limit);
      return { leads, hasMore: start + leads.length < order.length };
    },
    search(by) {
      const tag = by.tag?.toLowerCase();
      const email = by.email?.toLowerCase();
      const phone = by.phone === undefined ? undefined : digits(by.phone);
      const found: SimLead[] = [];
      for (const lead of byId.values()) {
        if (tag !== undefined && !lead.tags.split(',').some((t) => t.trim().toLowerCase() === tag)) continue;
        if (email !== undefined && lead.email.toLowerCase() !== email) continue;
        if (phone !== undefined && (phone === '' || digits(lead.cellPhone) !== phone)) continue;
        if (by.caseNumber !== undefined) continue; // the portal's leads carry no case numbers
        found.push(lead);
      }
      return found;
    },
    nextId: () => next++,
  };
}

/** The lead as GetStatus and the listings answer it (ASSUMED shape); fields deleted from the form are not shown. */
export function wireLead(lead: SimLead, catalog: SimCatalog): Record<string, unknown> {
  const custom: Record<string, string> = {};
  for (const [id, value] of lead.custom) if (catalog.fieldOn(lead.caseTypeId, id)) custom[id] = value;
  return {
    LeadID: lead.id,
    PrimaryContactID: lead.contactId,
    CaseTypeID: lead.caseTypeId,
    CaseType: catalog.caseTypeName(lead.caseTypeId),
    StatusID: lead.statusId,
    Status: catalog.statusName(lead.statusId),
    SubStatus: '',
    StatusTime: new Date(lead.statusMs).toISOString(),
    FirstName: lead.firstName,
    LastName: lead.lastName,
    CellPhone: lead.cellPhone,
    Email1: lead.email,
    Tags: lead.tags,
    CreatedDate: new Date(lead.createdMs).toISOString(),
    ModifiedDate: new Date(lead.modifiedMs).toISOString(),
    CustomFields: custom,
  };
}
