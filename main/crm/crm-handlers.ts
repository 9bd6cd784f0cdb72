// Handlers of the `crm.*` procedures the Configuration tab calls. The inbound webhook's two (inboundWebhook,
// rotateInboundSecret) belong to ingest/, which receives that webhook; the core composes both into `crm`.
import type { crmContract } from '../../shared/contract/crm';
import type { Handlers } from '../../shared/rpc';
import type { Crm } from './create-crm';

type CrmNamespace = Handlers<typeof crmContract>['crm'];

/** The handlers of this capability: every `crm.*` procedure but the inbound webhook's. */
export type CrmConnectionHandlers = Omit<CrmNamespace, 'inboundWebhook' | 'rotateInboundSecret'>;

export interface CrmHandlerDeps {
  crm: Crm;
}

export function crmHandlers({ crm }: CrmHandlerDeps): CrmConnectionHandlers {
  return {
    connection: ({ crm: id }) => crm.connection(id),
    connections: () => crm.connections(),
    connect: (input) => crm.connect(input),
    testConnection: ({ crm: id }) => crm.testConnection(id),
    updateToggles: ({ crm: id, toggles }) => crm.updateToggles(id, toggles),
    disconnect: ({ crm: id }) => crm.disconnect(id),
    catalog: ({ crm: id }) => crm.catalog(id),
    refreshCatalog: ({ crm: id }) => crm.refreshCatalog(id),
    importFieldSheet: (input) => crm.importFieldSheet(input),
    removeFieldSheet: ({ caseTypeId }) => crm.removeFieldSheet(caseTypeId),
  };
}
