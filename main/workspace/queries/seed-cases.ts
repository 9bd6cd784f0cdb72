// Test and benchmark support: fills a database with many realistic cases (one primary client each) by raw
// inserts in one transaction — about 100,000 per second, versus a few thousand through the record store.
// Seeded rows have no change rows and announce nothing; never use this for real data.
import type Database from 'better-sqlite3';
import type { CaseType } from '../../../shared/domain/workspace';
import { writeTransaction } from '../../db';
import { newId } from '../../kernel';
import type { CaseTypeCatalog } from '../records';
import { mulberry32 } from '../../kernel';

export interface SeedOptions {
  count: number;
  /** Same seed, same data. */
  seed?: number;
  /** The newest updatedAt; rows spread over the year before it. */
  now?: Date;
}

export interface SeededWorkspace {
  caseTypes: CaseType[];
  campaigns: { id: string; name: string }[];
}

const TYPES = [
  { name: 'Auto Accident', statuses: ['New Lead', 'Intake', 'Signed', 'Declined', 'Closed'] },
  { name: 'Medical Malpractice', statuses: ['New Lead', 'Review', 'Signed', 'Closed'] },
  { name: 'Workers Compensation', statuses: ['New Lead', 'Intake', 'Retained', 'Closed'] },
];
const CAMPAIGNS = ['Spring TV', 'Billboard I-95', 'Radio Drive Time', 'Search Ads', 'Referral Partners', 'Spanish TV', 'Web Chat', 'Mailers'];
const FIRST = ['James', 'Maria', 'Robert', 'Linda', 'Michael', 'Ana', 'David', 'Susan', 'Carlos', 'Emily', 'Wei', 'Fatima', 'John', 'Grace'];
const LAST = ['Smith', 'Garcia', 'Johnson', 'Nguyen', 'Brown', 'Martinez', 'Davis', 'Lopez', 'Wilson', 'Khan', 'Taylor', 'Okafor', 'Rossi'];

/** Inserts `count` cases with their clients, creating the case types and campaigns they use if missing. */
export function seedCases(sqlite: Database.Database, caseTypes: CaseTypeCatalog, { count, seed = 1, now = new Date('2025-06-01T12:00:00Z') }: SeedOptions): SeededWorkspace {
  const rnd = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const types = TYPES.map((t) => caseTypes.byName(t.name) ?? caseTypes.create({ name: t.name, statuses: t.statuses, fields: [] }));
  const campaigns = CAMPAIGNS.map((name) => {
    const found = sqlite.prepare('SELECT id, name FROM campaigns WHERE name = ?').get(name) as { id: string; name: string } | undefined;
    if (found) return found;
    const id = newId();
    sqlite.prepare('INSERT INTO campaigns (id, name, case_type_id, active, created_at, is_demo) VALUES (?, ?, NULL, 1, ?, 0)').run(id, name, now.toISOString());
    return { id, name };
  });
  const insertClient = sqlite.prepare(
    `INSERT INTO clients (id, first_name, last_name, phones, emails, opt_outs, external_source, external_id, version, created_at, updated_at, is_demo)
     VALUES (?, ?, ?, ?, ?, '[]', NULL, NULL, 1, ?, ?, 0)`,
  );
  const insertCase = sqlite.prepare(
    `INSERT INTO cases (id, case_number, name, case_type_id, status_id, campaign_id, custom_values, external_source, external_id, version, created_at, updated_at, is_demo)
     VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, 1, ?, ?, 0)`,
  );
  const link = sqlite.prepare('INSERT INTO case_clients (case_id, client_id, is_primary) VALUES (?, ?, 1)');
  const start = (sqlite.prepare('SELECT COALESCE(MAX(rowid), 0) FROM cases').pluck().get() as number) + 1;
  const yearMs = 365 * 24 * 3600 * 1000;

  writeTransaction(sqlite, () => {
    for (let i = 0; i < count; i += 1) {
      const n = start + i;
      const first = pick(FIRST);
      const last = pick(LAST);
      const type = pick(types);
      const at = new Date(now.getTime() - Math.floor(rnd() * yearMs)).toISOString();
      const clientId = newId();
      const phone = `+1 555 ${String(Math.floor(rnd() * 1000)).padStart(3, '0')} ${String(n % 10000).padStart(4, '0')}`;
      insertClient.run(clientId, first, last, JSON.stringify([phone]), JSON.stringify([`${first}.${last}.${n}@example.com`.toLowerCase()]), at, at);
      const caseId = newId();
      const external = n % 3 === 0 ? ['lawruler', `LR-${n}`] : [null, null];
      insertCase.run(caseId, `K-${String(n).padStart(6, '0')}`, `${last} v. ${pick(['Allstate', 'Geico', 'Progressive', 'State Farm', 'City of Miami'])}`, type.id, pick(type.statuses).id, rnd() < 0.9 ? pick(campaigns).id : null, external[0], external[1], at, at);
      link.run(caseId, clientId);
    }
  });
  return { caseTypes: types, campaigns };
}
