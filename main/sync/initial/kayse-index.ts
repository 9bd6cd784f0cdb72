// The Kayse side of the initial sync's matching, read once into memory: every case with its number, external
// reference and primary client's emails and phones, and which cases are linked (or claimed during this run) so
// that one Kayse case is never matched to two CRM records. Matching tries the link, the CRM id kept as the case's
// external id, the case number, the email, then the phone; the first key that finds unclaimed cases decides.
// Cases the run creates from CRM records stay out of it: no key finds them (their numbers, emails and phones are
// not indexed), and their links are in sync_links, which the run reads (a record seen again, the Kayse phase);
// held here they cost ~0.4 KB of heap each, ~40 MB at 100,000 (npm run bench -- sync, the headless host's RSS).
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { MatchKey } from '../../../shared/domain/sync-initial';
import type { CrmRecord } from '../../connectors';

export interface KayseEntry {
  caseId: string;
  caseNumber: string;
  name: string;
  caseTypeId: string;
  statusId: string;
  isDemo: boolean;
}

export type Match =
  | { kind: 'linked'; caseId: string }
  | { kind: 'link'; key: Exclude<MatchKey, 'link'>; caseId: string }
  | { kind: 'ambiguous'; key: Exclude<MatchKey, 'link'>; candidates: KayseEntry[] }
  | { kind: 'none' };

interface Row {
  id: string;
  case_number: string;
  name: string;
  case_type_id: string;
  status_id: string;
  is_demo: number;
  external_source: string | null;
  external_id: string | null;
  emails: string | null;
  phones: string | null;
}

/** The push's marker: `kayse-<case id>-<unique>` (push-record.ts). */
const MARKER = /^kayse-([0-9A-Z]{26})-/;

/** Phones compared by their last ten digits ("(312) 555-0101" and "+13125550101" are one number). */
export const phoneKey = (phone: string): string | null => {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : null;
};
export const emailKey = (email: string): string | null => (email.trim() ? email.trim().toLowerCase() : null);

const parseList = (json: string | null): string[] => {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

const add = (map: Map<string, string[]>, key: string | null, caseId: string) => {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [caseId]);
  else if (!list.includes(caseId)) list.push(caseId);
};

export function loadKayseIndex(sqlite: Database.Database, crm: CrmConnectorId, demoConnection: boolean) {
  const entries = new Map<string, KayseEntry>();
  const byNumber = new Map<string, string>();
  const byExternal = new Map<string, string>();
  const byEmail = new Map<string, string[]>();
  const byPhone = new Map<string, string[]>();
  const rows = sqlite
    .prepare<[], Row>(
      `SELECT c.id, c.case_number, c.name, c.case_type_id, c.status_id, c.is_demo, c.external_source, c.external_id, cl.emails, cl.phones
       FROM cases c LEFT JOIN case_clients cc ON cc.case_id = c.id AND cc.is_primary = 1 LEFT JOIN clients cl ON cl.id = cc.client_id`,
    )
    .iterate();
  for (const r of rows) {
    // Demo data and a firm's own CRM never meet (product.md): a demo case matches only demo mode's simulator.
    if (Boolean(r.is_demo) !== demoConnection) continue;
    entries.set(r.id, { caseId: r.id, caseNumber: r.case_number, name: r.name, caseTypeId: r.case_type_id, statusId: r.status_id, isDemo: Boolean(r.is_demo) });
    byNumber.set(r.case_number, r.id);
    if (r.external_source === crm && r.external_id) byExternal.set(r.external_id, r.id);
    for (const e of parseList(r.emails)) add(byEmail, emailKey(e), r.id);
    for (const p of parseList(r.phones)) add(byPhone, phoneKey(p), r.id);
  }
  const linkedCase = new Map<string, string>();
  const linkedCrm = new Map<string, string>();
  for (const l of sqlite.prepare<[string], { case_id: string; crm_record_id: string }>('SELECT case_id, crm_record_id FROM sync_links WHERE crm = ?').iterate(crm)) {
    linkedCase.set(l.case_id, l.crm_record_id);
    linkedCrm.set(l.crm_record_id, l.case_id);
  }
  const free = (ids: string[] | undefined) => (ids ?? []).filter((id) => entries.has(id) && !linkedCase.has(id));

  return {
    entries,
    /** Which Kayse case a CRM record goes with, and by which key. */
    match(record: CrmRecord): Match {
      const linked = linkedCrm.get(record.id);
      if (linked) return { kind: 'linked', caseId: linked };
      // A record this console created carries its case's id in its marker (an answer lost, or a crash, before the link).
      const marked = MARKER.exec(record.marker ?? '')?.[1];
      const keyed: [Exclude<MatchKey, 'link'>, string[]][] = [
        ['externalId', free([byExternal.get(record.id) ?? marked ?? ''])],
        ['caseNumber', record.caseNumber ? free([byNumber.get(record.caseNumber) ?? '']) : []],
        ['email', record.email ? free(byEmail.get(emailKey(record.email) ?? '')) : []],
        ['phone', record.phone ? free(byPhone.get(phoneKey(record.phone) ?? '')) : []],
      ];
      for (const [key, ids] of keyed) {
        if (ids.length === 1) return { kind: 'link', key, caseId: ids[0]! };
        if (ids.length > 1) return { kind: 'ambiguous', key, candidates: ids.map((id) => entries.get(id)!) };
      }
      return { kind: 'none' };
    },
    /** The case is paired with that CRM record from now on (in this run's memory; the link row is written by the run). */
    claim(caseId: string, crmRecordId: string) {
      linkedCase.set(caseId, crmRecordId);
      linkedCrm.set(crmRecordId, caseId);
    },
    isLinked: (caseId: string) => linkedCase.has(caseId),
  };
}

export type KayseIndex = ReturnType<typeof loadKayseIndex>;
