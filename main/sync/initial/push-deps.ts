// Everything the initial sync needs of one integration, read fresh when a preview or a run begins: the connector,
// toggles, settings and mappings, in the push's own shape (PushDeps), so that the Kayse cases it sends to the CRM go
// through the push's create path, and a case linked meanwhile is decided against its CRM record as the push decides
// it (push-decide.ts: the pull's store and conflict log), never sent blind. Unlike a push pass, the initial sync is
// not held back by the frequency's slots: the admin started it.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import type { CaseType } from '../../../shared/domain/workspace';
import { AppError } from '../../../shared/result';
import type { Crm } from '../../crm';
import type { Clock } from '../../kernel';
import type { TwoWayDeps } from '../engine/push-decide';
import type { PushDeps } from '../engine/push-record';
import type { PushStore } from '../engine/push-store';
import type { FieldMappings, StoredCatalog } from '../field-mappings';
import { DEFAULT_SCOPE, type MappingStore } from '../mapping-store';
import type { StatusMappings } from '../status-mappings';
import type { SyncSettingsService } from '../sync-settings';

export interface PushDepsSource {
  crm: Pick<Crm, 'connection' | 'connectorFor'>;
  /** Read by the push; written (the CRM as origin) where the CRM's value wins a linked case's decision. */
  records: TwoWayDeps['records'];
  /** The pull's store and conflict log: a linked case is decided as the push decides it (absent: sent as it is). */
  pull?: Pick<TwoWayDeps, 'store' | 'conflicts'>;
  caseTypes(): CaseType[];
  catalogOf(crm: CrmConnectorId): StoredCatalog;
  fields: FieldMappings;
  statuses: StatusMappings;
  settings: SyncSettingsService;
  mappingStore: MappingStore;
  pushStore: PushStore;
  clock: Clock;
}

const NAMES: Record<CrmConnectorId, string> = { lawruler: 'LawRuler', smartadvocate: 'SmartAdvocate' };

/** The push's view of `crm` now, and whether Kayse → CRM is on; CONFLICT when it can't be synced now (and why). */
export async function pushDepsFor(src: PushDepsSource, crm: CrmConnectorId): Promise<{ push: PushDeps; pushes: boolean }> {
  const connection = src.crm.connection(crm);
  if (connection.state === 'not_connected') throw new AppError('CONFLICT', `${NAMES[crm]} is not connected: connect it on its Configuration tab first.`);
  const { toggles } = connection;
  if (!toggles.enabled) throw new AppError('CONFLICT', `The ${NAMES[crm]} integration is turned off: turn on Enable integration first.`);
  const connector = await src.crm.connectorFor(crm);
  if (!connector) throw new AppError('CONFLICT', `${NAMES[crm]} can't be reached with its saved connection (its credentials could not be read): open its Configuration tab.`);
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
      ...(src.pull ? { twoWay: { records: src.records, ...src.pull } } : {}),
    },
  };
}
