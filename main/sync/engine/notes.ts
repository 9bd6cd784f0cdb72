// Messages and call records as CRM notes: each ingested message_sent and call_analyzed event of a linked case
// becomes one note on the case's CRM record (addNote) while Send and its toggle (messages as notes, call records
// as notes) are on. Only events received since the integration began (its first link or its connection); an event of a case not linked yet
// waits until the case is. Once each: a sync_notes row is committed before addNote is called, so a crash or a lost
// answer leaves it `sending` and the note is never sent twice (at most once: a CRM note has no marker to look up).
import type Database from 'better-sqlite3';
import { CRM_CONNECTOR_IDS, type CrmConnectorId } from '../../../shared/domain/connectors';
import type { TableName } from '../../../shared/domain/tables';
import { CrmError, type CrmNote } from '../../connectors';
import type { Crm } from '../../crm';
import { writeTransaction } from '../../db';
import { announceChanged, type Clock, type EventBus } from '../../kernel';
import type { SyncSettingsService } from '../sync-settings';
import { backoffMs } from './push-record';

/** Notes sent per pass (every loop bounded); a full pass starts another. */
const NOTES_PER_PASS = 50;

export interface NotesDeps {
  sqlite: Database.Database;
  events: EventBus;
  clock: Clock;
  crm: Pick<Crm, 'connection' | 'connectorFor'>;
  settings: SyncSettingsService;
  /** May the integration send now (not paused, real time or inside a scheduled run)? */
  mayRun(crm: CrmConnectorId): boolean;
  authFailed(crm: CrmConnectorId, message: string): void;
}

interface DueEvent {
  id: string;
  type: 'message_sent' | 'call_analyzed';
  occurred_at: string;
  data: string;
  case_id: string;
  crm_record_id: string;
  attempts: number | null;
}

const line = (label: string, value: unknown) => (typeof value === 'string' && value.trim() !== '' ? [`${label}: ${value.trim()}`] : []);

/** The note an event becomes. */
export function noteOf(event: Pick<DueEvent, 'type' | 'occurred_at' | 'data'>): CrmNote {
  const data = JSON.parse(event.data) as Record<string, unknown>;
  if (event.type === 'message_sent') {
    const channel = data.channel === 'email' ? 'Email' : 'SMS';
    return {
      subject: `${channel} sent to ${String(data.recipient)}`,
      text: [...line('Subject', data.subject), ...(typeof data.body === 'string' && data.body !== '' ? [data.body] : ['(no text)'])].join('\n'),
      at: typeof data.sent_at === 'string' ? data.sent_at : event.occurred_at,
    };
  }
  return {
    subject: `Call record${typeof data.outcome === 'string' ? `: ${data.outcome}` : ''}`,
    text: [...line('Summary', data.summary), ...line('Sentiment', data.sentiment), ...line('Outcome', data.outcome)].join('\n'),
    at: event.occurred_at,
  };
}

export function createNotes(deps: NotesDeps) {
  const { sqlite, events } = deps;
  const q = {
    due: sqlite.prepare<[string, string, string, number, string, number], DueEvent>(
      `SELECT e.id, e.type, e.occurred_at, e.data, e.case_id, l.crm_record_id, n.attempts
         FROM events e
         JOIN sync_links l ON l.crm = ? AND l.case_id = e.case_id
         LEFT JOIN sync_notes n ON n.crm = l.crm AND n.event_id = e.id
        WHERE e.type IN (SELECT value FROM json_each(?)) AND e.received_at >= ? AND e.is_demo = ?
          AND (n.event_id IS NULL OR (n.state = 'failed' AND n.next_try_at IS NOT NULL AND n.next_try_at <= ?))
        ORDER BY e.received_at, e.id LIMIT ?`,
    ),
    sending: sqlite.prepare(
      `INSERT INTO sync_notes (crm, event_id, case_id, crm_record_id, state, attempts, message, next_try_at, updated_at) VALUES (?, ?, ?, ?, 'sending', ?, NULL, NULL, ?)
       ON CONFLICT (crm, event_id) DO UPDATE SET state = 'sending', attempts = excluded.attempts, crm_record_id = excluded.crm_record_id, updated_at = excluded.updated_at`,
    ),
    ended: sqlite.prepare('UPDATE sync_notes SET state = ?, message = ?, next_try_at = ?, updated_at = ? WHERE crm = ? AND event_id = ?'),
    count: sqlite.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM sync_notes WHERE crm = ? AND state = ?'),
    firstLink: sqlite.prepare<[string], { at: string | null }>('SELECT min(linked_at) AS at FROM sync_links WHERE crm = ?'),
  };
  const write = (tables: TableName[], work: () => void) =>
    writeTransaction(sqlite, () => {
      work();
      announceChanged(events, tables);
    });
  const now = () => deps.clock.now().toISOString();
  const running = new Map<CrmConnectorId, Promise<void>>();
  const again = new Set<CrmConnectorId>();

  /** The event types this integration turns into notes now (empty: none). */
  const types = (crm: CrmConnectorId): string[] => {
    const { toggles, state } = deps.crm.connection(crm);
    const settings = deps.settings.get(crm);
    if (state === 'not_connected' || !toggles.enabled || !toggles.send || settings.direction === 'crm_to_kayse') return [];
    if (settings.selective.recordKinds.length > 0 && !settings.selective.recordKinds.includes('notes')) return [];
    return [...(toggles.sendMessages ? ['message_sent'] : []), ...(toggles.sendCallRecords ? ['call_analyzed'] : [])];
  };

  const sendOne = async (crm: CrmConnectorId, event: DueEvent, addNote: (id: string, note: CrmNote) => Promise<void>): Promise<'sent' | 'stop' | 'next'> => {
    const attempts = (event.attempts ?? 0) + 1;
    write(['sync_notes'], () => void q.sending.run(crm, event.id, event.case_id, event.crm_record_id, attempts, now()));
    try {
      await addNote(event.crm_record_id, noteOf(event));
      write(['sync_notes'], () => void q.ended.run('sent', null, null, now(), crm, event.id));
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A note whose answer never came may be in the CRM: left `sending`, never sent again.
      if (error instanceof CrmError && error.kind === 'unknown_outcome') {
        write(['sync_notes'], () => void q.ended.run('sending', message, null, now(), crm, event.id));
        return 'next';
      }
      const retryAt = (ms: number) => new Date(deps.clock.now().getTime() + ms).toISOString();
      const waits = error instanceof CrmError && (error.kind === 'rejected' || error.kind === 'not_found');
      const nextTry = error instanceof CrmError && error.kind === 'rate_limited' ? retryAt(error.crmDetails.retryAfterMs ?? 60_000) : error instanceof CrmError && error.kind === 'auth' ? now() : waits ? null : retryAt(backoffMs(attempts));
      write(['sync_notes'], () => void q.ended.run('failed', message, nextTry, now(), crm, event.id));
      if (error instanceof CrmError && error.kind === 'auth') {
        deps.authFailed(crm, error.crmDetails.crmMessage ?? error.message);
        return 'stop';
      }
      return error instanceof CrmError && error.kind === 'rate_limited' ? 'stop' : 'next';
    }
  };

  const pass = async (crm: CrmConnectorId) => {
    const wanted = types(crm);
    const view = deps.crm.connection(crm);
    if (wanted.length === 0 || !view.connectedAt || !deps.mayRun(crm)) return;
    // Since the integration began syncing: its first link, or its connection. A later Connect (new credentials after
    // an auth pause) moves connectedAt on, but never drops the events received meanwhile.
    const firstLink = q.firstLink.get(crm)?.at ?? null;
    const since = firstLink !== null && firstLink < view.connectedAt ? firstLink : view.connectedAt;
    const due = q.due.all(crm, JSON.stringify(wanted), since, view.demo ? 1 : 0, now(), NOTES_PER_PASS);
    if (due.length === 0) return;
    const connector = await deps.crm.connectorFor(crm);
    if (!connector) return;
    for (const event of due) {
      if (!deps.mayRun(crm)) return;
      if ((await sendOne(crm, event, (id, note) => connector.addNote(id, note))) === 'stop') return;
    }
    if (due.length === NOTES_PER_PASS) again.add(crm);
  };

  /** Sends what is due for `crm` now, or right after the pass running; resolves when none runs. */
  const kick = (crm: CrmConnectorId): Promise<void> => {
    const current = running.get(crm);
    if (current) {
      again.add(crm);
      return current;
    }
    const run = (async () => {
      for (let i = 0; i < 1000; i += 1) {
        again.delete(crm);
        await pass(crm);
        if (!again.has(crm)) break;
      }
    })()
      .catch(() => undefined)
      .finally(() => running.delete(crm));
    running.set(crm, run);
    return run;
  };

  return {
    kick,
    kickAll: () => Promise.all(CRM_CONNECTOR_IDS.map(kick)).then(() => undefined),
    /** Resolves when no pass runs. */
    async idle() {
      for (let i = 0; i < 100 && running.size > 0; i += 1) await Promise.all(running.values());
    },
    sentCount: (crm: CrmConnectorId) => q.count.get(crm, 'sent')?.n ?? 0,
  };
}

export type Notes = ReturnType<typeof createNotes>;
