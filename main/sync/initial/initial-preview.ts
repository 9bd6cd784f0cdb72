// The initial sync's match preview: every CRM record read and matched against the Kayse cases in memory, counted by
// what the run would do with it, and every Kayse case left unmatched counted as a create in the CRM (or left out).
// It writes nothing: not a row (matches are claimed in memory only), not a CRM record (it only lists).
import type Database from 'better-sqlite3';
import type { AmbiguousMatch, InitialPreview } from '../../../shared/domain/sync-initial';
import { MAX_PAGES, readPage, type PageReader } from './crm-pages';
import { decideCrmRecord, decideKayseCase, type InitialRules } from './initial-rules';
import { loadKayseIndex } from './kayse-index';

/** Ambiguous records listed (all are counted). */
export const AMBIGUOUS_LISTED = 100;

export function ambiguousEntry(record: { id: string; caseNumber: string | null; firstName: string | null; lastName: string | null }, key: AmbiguousMatch['key'], candidates: { caseId: string; caseNumber: string; name: string }[]): AmbiguousMatch {
  return {
    crmRecordId: record.id,
    crmCaseNumber: record.caseNumber,
    name: `${record.firstName ?? ''} ${record.lastName ?? ''}`.trim(),
    key,
    candidates: candidates.map((c) => ({ caseId: c.caseId, caseNumber: c.caseNumber, name: c.name })),
  };
}

export async function previewInitial(sqlite: Database.Database, rules: InitialRules, reader: PageReader): Promise<InitialPreview> {
  const { crm } = rules.push;
  const index = loadKayseIndex(sqlite, crm, rules.push.demoConnection);
  const out: InitialPreview = {
    crm,
    crmRecords: 0,
    alreadyLinked: 0,
    wouldLink: { total: 0, caseNumber: 0, email: 0, phone: 0 },
    wouldCreateInKayse: 0,
    wouldCreateInCrm: 0,
    skipped: 0,
    noCaseType: { crm: 0, kayse: 0 },
    ambiguous: { total: 0, records: [] },
  };
  const held = new Set<string>();
  let cursor = null;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = await readPage(reader, cursor);
    if (!page) break;
    for (const record of page.records) {
      out.crmRecords += 1;
      const d = decideCrmRecord(record, index, rules);
      if (d.kind === 'alreadyLinked') {
        out.alreadyLinked += 1;
        index.claim(d.caseId, record.id);
      } else if (d.kind === 'link') {
        out.wouldLink.total += 1;
        out.wouldLink[d.key] += 1;
        index.claim(d.caseId, record.id);
      } else if (d.kind === 'ambiguous') {
        out.ambiguous.total += 1;
        for (const c of d.candidates) held.add(c.caseId);
        if (out.ambiguous.records.length < AMBIGUOUS_LISTED) out.ambiguous.records.push(ambiguousEntry(record, d.key, d.candidates));
      } else if (d.kind === 'createInKayse') out.wouldCreateInKayse += 1;
      else if (d.kind === 'noCaseType') out.noCaseType.crm += 1;
      else out.skipped += 1;
    }
    cursor = page.next;
    if (page.caughtUp || page.records.length === 0) break;
  }
  for (const entry of index.entries.values()) {
    if (index.isLinked(entry.caseId) || held.has(entry.caseId)) continue;
    const d = decideKayseCase(entry, rules);
    if (d === 'createInCrm') out.wouldCreateInCrm += 1;
    else if (d === 'noCaseType') out.noCaseType.kayse += 1;
    else out.skipped += 1;
  }
  return out;
}
