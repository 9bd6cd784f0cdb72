// Loading and keeping each CRM's catalog: after Connect and on Refresh, a good load replaces the stored catalog
// (with when it loaded) and clears the last failure; a failed load is stored beside the last good catalog, never
// instead of it. LawRuler's field sheets are imported here, all or nothing.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CrmCatalogState } from '../../shared/domain/crm';
import { isCrmError, type CrmConnector } from '../connectors';
import { announceChanged, type Clock, type EventBus } from '../kernel';
import type { Logger } from '../log';
import type { CatalogStore } from './catalog-store';
import { catalogFailure, catalogState } from './catalog-view';
import { parseFieldSheet, type SheetIssue } from './field-sheet';

export interface CatalogServiceDeps {
  catalogs: CatalogStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
}

export interface FieldSheetInput {
  caseTypeId: string;
  caseTypeName: string;
  csv: string;
}

export interface FieldSheetResult {
  ok: boolean;
  fields: number;
  statuses: number;
  issues: SheetIssue[];
  state: CrmCatalogState;
}

export type CatalogService = ReturnType<typeof createCatalogService>;

export function createCatalogService(deps: CatalogServiceDeps) {
  const { catalogs, events, clock, logger } = deps;
  const now = () => clock.now().toISOString();

  return {
    state: (crm: CrmConnectorId): CrmCatalogState => catalogState(catalogs, crm),

    /** Loads the catalog with `connector` and stores the result: the catalog, or the failure beside it. */
    async load(crm: CrmConnectorId, connector: CrmConnector): Promise<CrmCatalogState> {
      try {
        const catalog = await connector.loadCatalog();
        catalogs.saveLoaded(crm, catalog, now());
        announceChanged(events, ['crm_catalogs', 'crm_catalog_failures']);
      } catch (error) {
        if (!isCrmError(error)) throw error;
        const failure = catalogFailure(crm, error, now());
        catalogs.saveFailure(crm, failure);
        announceChanged(events, ['crm_catalog_failures']);
        logger.warn({ crm, part: failure.part, kind: failure.kind }, 'CRM catalog could not be loaded; the last good one is kept');
      }
      return catalogState(catalogs, crm);
    },

    importFieldSheet(input: FieldSheetInput): FieldSheetResult {
      const caseTypeId = input.caseTypeId.trim();
      const parsed = parseFieldSheet(input.csv, caseTypeId);
      const counts = { fields: parsed.fields.length, statuses: parsed.statuses.length };
      if (parsed.issues.length > 0) return { ok: false, ...counts, issues: parsed.issues, state: catalogState(catalogs, 'lawruler') };
      catalogs.putSheet('lawruler', { caseTypeId, caseTypeName: input.caseTypeName.trim(), fields: parsed.fields, statuses: parsed.statuses, importedAt: now() });
      announceChanged(events, ['crm_field_sheets']);
      logger.info({ crm: 'lawruler', caseTypeId, ...counts }, 'LawRuler field sheet imported');
      return { ok: true, ...counts, issues: [], state: catalogState(catalogs, 'lawruler') };
    },

    removeFieldSheet(caseTypeId: string): CrmCatalogState {
      if (catalogs.removeSheet('lawruler', caseTypeId.trim())) announceChanged(events, ['crm_field_sheets']);
      return catalogState(catalogs, 'lawruler');
    },
  };
}
