// Named queries behind the case and client detail screens: the record, what it links to, and its history.
import type Database from 'better-sqlite3';
import { HISTORY_SHOWN, type CaseAppointment, type CaseDetail, type ClientDetail } from '../../../shared/domain/workspace-views';
import type { RecordChange } from '../../../shared/domain/workspace';
import { AppError } from '../../../shared/result';
import { defineReadTransaction } from '../../db';
import type { CaseTypeCatalog, RecordStore } from '../records';
import { toClient, type ClientRow } from '../records/row-mappers';
import type { CampaignRepository } from '../campaigns';
import type { UnreadableLog } from './unreadable-log';

export interface RecordDetails {
  /** A case with its clients (primary first), case type, campaign and history, newest first. */
  caseDetail(id: string): CaseDetail;
  /** A client with their cases and history, newest first. */
  clientDetail(id: string): ClientDetail;
}

interface ClientCaseRow {
  id: string;
  case_number: string;
  name: string;
  case_type_id: string;
  status_id: string;
  is_primary: number;
}

/** Detail reads over the record store, the case type catalog and the campaigns. */
export function createRecordDetails(
  sqlite: Database.Database,
  deps: { records: RecordStore; caseTypes: CaseTypeCatalog; campaigns: CampaignRepository; unreadable: UnreadableLog },
): RecordDetails {
  const clientsByIds = sqlite.prepare('SELECT * FROM clients WHERE id IN (SELECT value FROM json_each(?))');
  const casesOfClient = sqlite.prepare(
    `SELECT c.id, c.case_number, c.name, c.case_type_id, c.status_id, cc.is_primary
       FROM case_clients cc JOIN cases c ON c.id = cc.case_id
      WHERE cc.client_id = ? ORDER BY c.updated_at DESC, c.rowid DESC`,
  );

  // The booking API's log (scheduling/booking) names the case a booking was made for: its bookings, reschedules and
  // cancels that went through belong to the case's history (a replayed retry is the same booking, left out).
  const appointmentsOf = sqlite.prepare(
    `SELECT s.id, s.at, s.operation, s.start, s.booking_uid, a.name AS agent_name FROM scheduling_activity s LEFT JOIN agents a ON a.id = s.agent_id
      WHERE s.case_id = ? AND s.operation IN ('book', 'reschedule', 'cancel') AND s.outcome IN ('ok', 'late_ok') ORDER BY s.id DESC LIMIT ${HISTORY_SHOWN}`,
  );
  const APPOINTMENT_KINDS = { book: 'booked', reschedule: 'rescheduled', cancel: 'cancelled' } as const;
  const appointments = (caseId: string): CaseAppointment[] =>
    (appointmentsOf.all(caseId) as { id: number; at: string; operation: keyof typeof APPOINTMENT_KINDS; start: string | null; booking_uid: string | null; agent_name: string | null }[]).map((r) => ({
      id: r.id,
      at: r.at,
      kind: APPOINTMENT_KINDS[r.operation],
      start: r.operation === 'cancel' ? null : r.start,
      bookingUid: r.booking_uid,
      agentName: r.agent_name,
    }));

  const logUnreadableHistory = (history: RecordChange[]) => {
    for (const change of history) deps.unreadable('record change', change.seq, change.unreadable);
  };

  const caseDetail = defineReadTransaction(sqlite, (id: string): CaseDetail => {
    const found = deps.records.getCase(id);
    if (!found) throw new AppError('NOT_FOUND', `No case with id ${id}. It may have been removed: reload the list.`);
    const caseType = deps.caseTypes.get(found.caseTypeId);
    if (!caseType) throw new AppError('NOT_FOUND', `Case ${found.caseNumber} names a case type that no longer exists (${found.caseTypeId}).`);
    const clients = new Map((clientsByIds.all(JSON.stringify(found.clientIds)) as ClientRow[]).map((r) => [r.id, toClient(r)]));
    const detail: CaseDetail = {
      case: found,
      caseType,
      campaign: found.campaignId ? (deps.campaigns.get(found.campaignId) ?? null) : null,
      clients: found.clientIds.flatMap((clientId) => (clients.has(clientId) ? [clients.get(clientId)!] : [])),
      ...historyOf(deps.records.history('case', id, HISTORY_SHOWN)),
      appointments: appointments(id),
    };
    deps.unreadable('case', found.id, found.unreadable);
    for (const client of detail.clients) deps.unreadable('client', client.id, client.unreadable);
    logUnreadableHistory(detail.history);
    return detail;
  });

  const clientDetail = defineReadTransaction(sqlite, (id: string): ClientDetail => {
    const client = deps.records.getClient(id);
    if (!client) throw new AppError('NOT_FOUND', `No client with id ${id}. They may have been removed: reload the list.`);
    const cases = (casesOfClient.all(id) as ClientCaseRow[]).map((r) => {
      const type = deps.caseTypes.get(r.case_type_id);
      return {
        id: r.id,
        caseNumber: r.case_number,
        name: r.name,
        caseType: type?.name ?? '(deleted case type)',
        status: type?.statuses.find((s) => s.id === r.status_id)?.name ?? '(deleted status)',
        primary: r.is_primary === 1,
      };
    });
    const detail: ClientDetail = { client, cases, ...historyOf(deps.records.history('client', id, HISTORY_SHOWN)) };
    deps.unreadable('client', client.id, client.unreadable);
    logUnreadableHistory(detail.history);
    return detail;
  });

  return { caseDetail: (id) => caseDetail(id), clientDetail: (id) => clientDetail(id) };
}

const historyOf = ({ changes, total }: { changes: RecordChange[]; total: number }) => ({ history: changes, historyTotal: total });
