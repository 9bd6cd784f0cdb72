// Writers that apply one import row through the record store (the per-row path): clients keep the values of
// fields the file doesn't map; cases go straight to upsertCase, which already keeps unmapped fields.
import type Database from 'better-sqlite3';
import type { CaseUpsert, ClientUpsert, UpsertOutcome } from '../../shared/domain/workspace';
import type { RecordStore, WriteContext } from '../workspace';
import type { ClientRowInput } from './row-inputs';

export interface RecordWriter<I> {
  /** Applies one row; throws an AppError (the row's rejection) before writing anything. */
  write(input: I): UpsertOutcome;
  /** True when the writer announces `tables.changed` itself (the record store does). */
  announcesWrites: boolean;
}

interface StoredClient {
  last_name: string;
  phones: string;
  emails: string;
  opt_outs: string;
}

/** Clients through `records.upsertClient`, filling fields the file doesn't map from the stored client. */
export function storeClientWriter(sqlite: Database.Database, records: RecordStore, ctx: WriteContext): RecordWriter<ClientRowInput> {
  const existing = sqlite.prepare('SELECT last_name, phones, emails, opt_outs FROM clients WHERE external_source = ? AND external_id = ?');
  return {
    announcesWrites: true,
    write(row) {
      const stored = existing.get(row.externalSource, row.externalId) as StoredClient | undefined;
      const input: ClientUpsert = {
        ...row,
        lastName: row.lastName ?? stored?.last_name,
        phones: row.phones ?? (stored ? (JSON.parse(stored.phones) as string[]) : undefined),
        emails: row.emails ?? (stored ? (JSON.parse(stored.emails) as string[]) : undefined),
        optOuts: (row.optOuts ?? (stored ? JSON.parse(stored.opt_outs) : undefined)) as ClientUpsert['optOuts'],
      };
      return records.upsertClient(input, ctx).outcome;
    },
  };
}

/** Cases through `records.upsertCase`: the reference the bulk writer is compared with. */
export function storeCaseWriter(records: RecordStore, ctx: WriteContext): RecordWriter<CaseUpsert> {
  return { announcesWrites: true, write: (input) => records.upsertCase(input, ctx).outcome };
}
