// Campaigns: named groups of calls and cases, optionally tied to a case type. Every write announces
// `tables.changed` for campaigns.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Campaign, campaignInputSchema } from '../../shared/domain/workspace';
import type { CampaignUpdate } from '../../shared/domain/workspace-views';
import { AppError } from '../../shared/result';
import { announceChanged } from '../kernel';
import { ulidIds, type Clock, type EventBus, type IdGenerator } from '../kernel';
import type { CaseTypeCatalog } from './records';

export type CampaignInput = z.output<typeof campaignInputSchema>;

export interface CampaignRepository {
  list(): Campaign[];
  get(id: string): Campaign | undefined;
  create(input: CampaignInput, options?: { isDemo?: boolean }): Campaign;
  /** Changes only the fields given; NOT_FOUND for an unknown id. */
  update(changes: CampaignUpdate): Campaign;
}

interface Row {
  id: string;
  name: string;
  case_type_id: string | null;
  active: number;
  is_demo: number;
}

const toCampaign = (r: Row): Campaign => ({ id: r.id, name: r.name, caseTypeId: r.case_type_id, active: r.active === 1, isDemo: r.is_demo === 1 });

/** Campaigns over one database; names are unique regardless of case. */
export function createCampaignRepository(sqlite: Database.Database, caseTypes: CaseTypeCatalog, clock: Clock, events: EventBus, ids: IdGenerator = ulidIds): CampaignRepository {
  const q = {
    all: sqlite.prepare('SELECT * FROM campaigns ORDER BY name COLLATE NOCASE, id'),
    byId: sqlite.prepare('SELECT * FROM campaigns WHERE id = ?'),
    nameTaken: sqlite.prepare('SELECT name FROM campaigns WHERE lower(name) = lower(?) AND id <> ?').pluck(),
    insert: sqlite.prepare('INSERT INTO campaigns (id, name, case_type_id, active, created_at, is_demo) VALUES (?, ?, ?, ?, ?, ?)'),
    update: sqlite.prepare('UPDATE campaigns SET name = ?, case_type_id = ?, active = ? WHERE id = ?'),
  };
  const get = (id: string) => {
    const row = q.byId.get(id) as Row | undefined;
    return row ? toCampaign(row) : undefined;
  };

  const check = (next: { name: string; caseTypeId: string | null }, id: string) => {
    const taken = q.nameTaken.get(next.name, id) as string | undefined;
    if (taken !== undefined) {
      throw new AppError('CONFLICT', `A campaign named "${taken}" already exists. Choose another name.`, {
        issues: [{ path: 'name', message: `"${taken}" is already used` }],
      });
    }
    if (next.caseTypeId !== null && !caseTypes.get(next.caseTypeId)) {
      const valid = caseTypes.list();
      throw new AppError(
        'UNPROCESSABLE',
        `Unknown case type id "${next.caseTypeId}". Valid case types: ${valid.map((t) => `${t.name} (${t.id})`).join(', ') || '(none yet: create one first)'}.`,
        { issues: [{ path: 'caseTypeId', message: 'unknown case type' }], valid: valid.map((t) => t.id) },
      );
    }
  };

  return {
    list: () => (q.all.all() as Row[]).map(toCampaign),
    get,
    create(input, { isDemo = false } = {}) {
      const id = ids.next();
      check(input, id);
      q.insert.run(id, input.name, input.caseTypeId, input.active ? 1 : 0, clock.now().toISOString(), isDemo ? 1 : 0);
      announceChanged(events, ['campaigns']);
      return get(id)!;
    },
    update({ id, ...changes }) {
      const current = get(id);
      if (!current) throw new AppError('NOT_FOUND', `No campaign with id ${id}. It may have been removed: reload the list.`);
      const next = {
        name: changes.name ?? current.name,
        caseTypeId: changes.caseTypeId === undefined ? current.caseTypeId : changes.caseTypeId,
        active: changes.active ?? current.active,
      };
      if (next.name === current.name && next.caseTypeId === current.caseTypeId && next.active === current.active) return current;
      check(next, id);
      q.update.run(next.name, next.caseTypeId, next.active ? 1 : 0, id);
      announceChanged(events, ['campaigns']);
      return get(id)!;
    },
  };
}
