// Resolves the case and client an event is about (console id or the platform's external reference) to the
// console's own records, and names the case type, so that webhooks can filter on it without another lookup.
import type Database from 'better-sqlite3';
import type { ExternalRef } from '../../shared/domain/events';
import type { FieldIssue } from '../../shared/result';
import type { RecordStore } from '../workspace';
import type { EventRefs } from './event-parser';

export interface ResolvedRefs {
  caseId: string | null;
  clientId: string | null;
  caseType: string | null;
}

export interface RefResolver {
  /** The event's records, or the issues naming each reference that matches nothing (paths under `prefix`). */
  resolve(event: EventRefs, prefix: string): { refs: ResolvedRefs; issues: FieldIssue[] };
}

const at = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field);

export function createRefResolver(sqlite: Database.Database, records: RecordStore): RefResolver {
  const q = {
    caseByExternal: sqlite.prepare('SELECT id FROM cases WHERE external_source = ? AND external_id = ?').pluck(),
    clientByExternal: sqlite.prepare('SELECT id FROM clients WHERE external_source = ? AND external_id = ?').pluck(),
  };
  const describe = (ref: ExternalRef) => `external_source ${JSON.stringify(ref.external_source)} and external_id ${JSON.stringify(ref.external_id)}`;

  return {
    resolve(event, prefix) {
      const issues: FieldIssue[] = [];
      let caseId: string | null = null;
      let caseType: string | null = null;
      if (event.case_id) {
        const found = records.getCase(event.case_id);
        if (found) [caseId, caseType] = [found.id, found.caseType];
        else issues.push({ path: at(prefix, 'case_id'), message: `no case with id ${JSON.stringify(event.case_id)}` });
      } else if (event.case_ref) {
        const id = q.caseByExternal.get(event.case_ref.external_source, event.case_ref.external_id) as string | undefined;
        const found = id === undefined ? undefined : records.getCase(id);
        if (found) [caseId, caseType] = [found.id, found.caseType];
        else {
          const { external_source: s, external_id: x } = event.case_ref;
          issues.push({ path: at(prefix, 'case_ref'), message: `no case with ${describe(event.case_ref)}; create it first with PUT /v1/cases/${encodeURIComponent(s)}/${encodeURIComponent(x)}` });
        }
      }
      let clientId: string | null = null;
      if (event.client_id) {
        if (records.getClient(event.client_id)) clientId = event.client_id;
        else issues.push({ path: at(prefix, 'client_id'), message: `no client with id ${JSON.stringify(event.client_id)}` });
      } else if (event.client_ref) {
        const id = q.clientByExternal.get(event.client_ref.external_source, event.client_ref.external_id) as string | undefined;
        if (id !== undefined) clientId = id;
        else {
          const { external_source: s, external_id: x } = event.client_ref;
          issues.push({ path: at(prefix, 'client_ref'), message: `no client with ${describe(event.client_ref)}; create it first with PUT /v1/clients/${encodeURIComponent(s)}/${encodeURIComponent(x)}` });
        }
      }
      return { refs: { caseId, clientId, caseType }, issues };
    },
  };
}
