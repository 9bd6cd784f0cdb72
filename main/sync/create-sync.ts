// The sync capability (`core.sync`), so far what the engine will stand on: field mappings (a default set and
// overrides per CRM case type), status mappings per Kayse case type, auto-map proposals and the sync settings of
// each integration. Mappings are checked against the stored catalog (crm/), never the CRM itself; saving one
// triggers nothing else.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CaseType } from '../../shared/domain/workspace';
import type { Crm } from '../crm';
import type { Clock, EventBus } from '../kernel';
import { suggestFieldMappings } from './auto-map';
import { createFieldMappings, type StoredCatalog } from './field-mappings';
import { createMappingStore, DEFAULT_SCOPE } from './mapping-store';
import { createStatusMappings } from './status-mappings';
import { createSyncSettings } from './sync-settings';

export interface SyncDeps {
  sqlite: Database.Database;
  /** The CRM integrations: the stored catalog of each CRM. */
  crm: Pick<Crm, 'catalog'>;
  /** Kayse's case types with their statuses and custom fields. */
  caseTypes: { list(): CaseType[] };
  /** The company's timezone, for a daily sync time. */
  company: { get(): { timezone: string } };
  clock: Clock;
  events: EventBus;
}

export function createSync(deps: SyncDeps) {
  const store = createMappingStore(deps.sqlite);
  const catalogOf = (crm: CrmConnectorId): StoredCatalog => {
    const state = deps.crm.catalog(crm);
    return { catalog: state.catalog, loadedAt: state.loadedAt };
  };
  const mappingDeps = { store, catalogOf, caseTypes: () => deps.caseTypes.list(), clock: deps.clock, events: deps.events };
  const fields = createFieldMappings(mappingDeps);
  const statuses = createStatusMappings(mappingDeps);
  const settings = createSyncSettings({
    sqlite: deps.sqlite,
    caseTypes: () => deps.caseTypes.list(),
    timezone: () => deps.company.get().timezone,
    clock: deps.clock,
    events: deps.events,
  });
  return {
    fields,
    statuses,
    settings,
    /** Auto-map proposals for one set; accepting them is an ordinary `fields.save`. */
    suggest(crm: CrmConnectorId, crmCaseTypeId: string | null, kayseCaseTypeId: string | null) {
      const saved = store.fieldMappings(crm).filter((m) => m.scope === (crmCaseTypeId ?? DEFAULT_SCOPE));
      const proposals = suggestFieldMappings({ catalog: catalogOf(crm).catalog, caseTypes: deps.caseTypes.list(), crmCaseTypeId, kayseCaseTypeId, saved });
      return { crmCaseTypeId, proposals };
    },
    /** Nothing runs in the background yet. */
    close: async () => undefined,
  };
}

export type Sync = ReturnType<typeof createSync>;
