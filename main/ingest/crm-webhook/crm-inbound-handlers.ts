// Handlers of `crm.inboundWebhook` and `crm.rotateInboundSecret`: the part of the `crm` namespace the ingest server
// owns. core/handlers.ts merges them with the connection handlers of crm/.
import type { crmContract } from '../../../shared/contract/crm';
import type { Handlers } from '../../../shared/rpc';
import type { Ingest } from '../create-ingest';

export type CrmInboundHandlers = Pick<Handlers<typeof crmContract>['crm'], 'inboundWebhook' | 'rotateInboundSecret'>;

export interface CrmInboundHandlerDeps {
  ingest: Ingest;
}

/** `{ inboundWebhook, rotateInboundSecret }`, over the ingest capability (its listening address gives the URL). */
export function crmInboundHandlers({ ingest }: CrmInboundHandlerDeps): CrmInboundHandlers {
  return {
    inboundWebhook: () => ingest.crmInbound.view(ingest.status()),
    rotateInboundSecret: () => ingest.crmInbound.rotate(ingest.status()),
  };
}
