// The CRM integrations capability (`core.crm`): one connection per CRM (LawRuler, SmartAdvocate) with its
// credentials in the keychain, Test connection, the toggles the sync engine obeys, the catalog with its last
// failure and LawRuler's field sheets, the Integrations cards, demo connections, and a ready connector per
// connected CRM for the sync engine.
import type Database from 'better-sqlite3';
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CrmCatalogState, CrmConnectInput, CrmConnectionView, CrmTestResult, CrmToggles } from '../../shared/domain/crm';
import type { IntegrationCardState } from '../../shared/domain/integrations';
import { AppError } from '../../shared/result';
import type { CrmConnector, CrmRequestPacer } from '../connectors';
import { announceChanged, type Clock, type EventBus } from '../kernel';
import type { Logger } from '../log';
import type { SecretStore } from '../secrets';
import { createActiveConnectors } from './active-connectors';
import { createCatalogService, type FieldSheetInput, type FieldSheetResult } from './catalog-service';
import { createCatalogStore } from './catalog-store';
import { createConnectService } from './connect-service';
import { createConnectionStore } from './connection-store';
import { crmCardState } from './connection-view';
import type { CrmNetOptions } from './crm-agent';
import { createCrmSecrets } from './crm-secrets';
import { connectDemoWith, type DemoConnectInput } from './demo-connect';

export interface CrmDeps {
  sqlite: Database.Database;
  secrets: SecretStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** Request and connect timeouts (tests shorten them). */
  options?: CrmOptions;
}

export type CrmOptions = CrmNetOptions;

export interface Crm {
  connection(crm: CrmConnectorId): CrmConnectionView;
  connections(): CrmConnectionView[];
  /** Tests the credentials; when signing in works, saves them (secrets to the keychain), connects and loads the catalog. */
  connect(input: CrmConnectInput): Promise<CrmTestResult>;
  /** Runs every check with the saved credentials; a failed sign-in sets the Error state, a pass clears it. */
  testConnection(crm: CrmConnectorId): Promise<CrmTestResult>;
  updateToggles(crm: CrmConnectorId, toggles: Partial<CrmToggles>): CrmConnectionView;
  /** Deletes the CRM's keychain entries (checked); keeps settings, toggles, catalog and field sheets. */
  disconnect(crm: CrmConnectorId): Promise<CrmConnectionView>;
  catalog(crm: CrmConnectorId): CrmCatalogState;
  refreshCatalog(crm: CrmConnectorId): Promise<CrmCatalogState>;
  importFieldSheet(input: FieldSheetInput): FieldSheetResult;
  removeFieldSheet(caseTypeId: string): CrmCatalogState;
  /** The connector of a connected CRM (built from the saved credentials when first asked); null when not connected. */
  connectorFor(crm: CrmConnectorId): Promise<CrmConnector | null>;
  /**
   * Paces every connector built from now on (Connect, Test connection, the sync's) with the integration's rate
   * limiter from its first request; the sync hands its limiters over at start.
   */
  pacedBy(pacerOf: (crm: CrmConnectorId) => CrmRequestPacer): void;
  /** Connects to a demo simulator on this computer, credentials in memory only (CONFLICT over a real connection). */
  connectDemo(input: DemoConnectInput): Promise<CrmTestResult>;
  /** Ends a demo connection; leaves a real one alone. */
  disconnectDemo(crm: CrmConnectorId): Promise<CrmConnectionView>;
  /** Demo mode's wipe: ends a demo connection and forgets it with its catalog, as if never connected; a real one is left alone. */
  forgetDemo(crm: CrmConnectorId): Promise<CrmConnectionView>;
  /** The CRM's card in Settings → Integrations. */
  cardState(crm: CrmConnectorId): IntegrationCardState;
  close(): Promise<void>;
}

export function createCrm(deps: CrmDeps): Crm {
  const connections = createConnectionStore(deps.sqlite);
  const catalogs = createCatalogStore(deps.sqlite);
  const secrets = createCrmSecrets(deps.secrets);
  const active = createActiveConnectors();
  const catalog = createCatalogService({ catalogs, events: deps.events, clock: deps.clock, logger: deps.logger });
  let pacerOf: ((crm: CrmConnectorId) => CrmRequestPacer) | null = null;
  const service = createConnectService({
    connections,
    secrets,
    active,
    events: deps.events,
    clock: deps.clock,
    logger: deps.logger,
    net: deps.options ?? {},
    loadCatalog: async (crm, connector) => {
      await catalog.load(crm, connector);
    },
    pacerOf: (crm) => pacerOf?.(crm) ?? null,
  });

  return {
    connection: service.view,
    connections: service.views,
    connect: service.connect,
    testConnection: service.testConnection,
    updateToggles: service.updateToggles,
    disconnect: service.disconnect,
    catalog: catalog.state,
    async refreshCatalog(crm) {
      service.requireConnected(crm);
      const connector = await service.connectorFor(crm);
      if (!connector) throw new AppError('CONFLICT', 'The saved credentials are missing from the keychain: enter them again and Connect, then Refresh.');
      return catalog.load(crm, connector);
    },
    importFieldSheet: catalog.importFieldSheet,
    removeFieldSheet: catalog.removeFieldSheet,
    connectorFor: service.connectorFor,
    pacedBy(next) {
      pacerOf = next;
    },
    connectDemo: (input) => connectDemoWith({ connections, active, service }, input),
    disconnectDemo: service.disconnectDemo,
    async forgetDemo(crm) {
      const wasDemo = connections.get(crm)?.isDemo ?? false;
      const view = await service.disconnectDemo(crm);
      if (!wasDemo) return view;
      connections.remove(crm);
      catalogs.forgetLoaded(crm);
      announceChanged(deps.events, ['crm_connections', 'crm_catalogs', 'crm_catalog_failures']);
      return service.view(crm);
    },
    cardState: (crm) => crmCardState(service.view(crm)),
    close: () => active.closeAll(),
  };
}
