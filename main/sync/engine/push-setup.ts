// One integration's push, assembled from what is stored now (toggles, settings, mappings, the catalog): the same
// shape for the push engine's passes and the initial sync's sends, so both send a case the same way. The callers
// decide first whether the integration may be synced at all (and say why not in their own way).
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { CaseType } from '../../../shared/domain/workspace';
import type { Crm } from '../../crm';
import type { CrmConnector } from '../../connectors';
import type { Clock } from '../../kernel';
import type { FieldMappings, StoredCatalog } from '../field-mappings';
import { DEFAULT_SCOPE, type MappingStore } from '../mapping-store';
import type { StatusMappings } from '../status-mappings';
import type { SyncSettingsService } from '../sync-settings';
import type { TwoWayDeps } from './push-decide';
import type { PushDeps } from './push-record';
import type { PushStore } from './push-store';

export interface PushSetupSource {
  records: Pick<TwoWayDeps['records'], 'getCase' | 'getClient'>;
  caseTypes(): CaseType[];
  catalogOf(crm: CrmConnectorId): StoredCatalog;
  fields: FieldMappings;
  statuses: StatusMappings;
  settings: SyncSettingsService;
  mappingStore: MappingStore;
  pushStore: PushStore;
  clock: Clock;
}

/** The push's view of `crm` with this connection and connector, and whether Kayse → CRM is on. */
export function pushSetup(
  src: PushSetupSource,
  crm: CrmConnectorId,
  connection: ReturnType<Crm['connection']>,
  connector: CrmConnector,
  twoWay: TwoWayDeps | undefined,
): { push: PushDeps; pushes: boolean } {
  const { toggles } = connection;
  const settings = src.settings.get(crm);
  const pushes = toggles.send && toggles.sendFields && toggles.sendMapping && settings.direction !== 'crm_to_kayse';
  const overrideScopes = new Map<string, string[]>();
  for (const m of src.mappingStore.fieldMappings(crm)) {
    if (m.scope !== DEFAULT_SCOPE) overrideScopes.set(m.scope, [...(overrideScopes.get(m.scope) ?? []), m.kayseField]);
  }
  const effective = new Map<string, ReturnType<FieldMappings['effective']>['used']>();
  return {
    pushes,
    push: {
      crm,
      connector,
      store: src.pushStore,
      clock: src.clock,
      getCase: (id) => src.records.getCase(id),
      getClient: (id) => src.records.getClient(id),
      caseTypes: src.caseTypes(),
      catalog: src.catalogOf(crm).catalog,
      toggles,
      settings,
      demoConnection: connection.demo,
      mappingsFor(crmCaseTypeId) {
        if (!effective.has(crmCaseTypeId)) effective.set(crmCaseTypeId, src.fields.effective(crm, crmCaseTypeId).used.filter((m) => m.direction !== 'from_crm'));
        return effective.get(crmCaseTypeId)!;
      },
      statusSets: src.statuses.list(crm).caseTypes,
      overrideScopes,
      ...(twoWay ? { twoWay } : {}),
    },
  };
}
