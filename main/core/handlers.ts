// All handlers of the contract, one factory per capability. A procedure without a handler fails to typecheck.
import type { Contract } from '../../shared/contract';
import type { Handlers } from '../../shared/rpc';
import { demoHandlers, type DemoDeps } from '../demo';
import { crmInboundHandlers, eventsHandlers, type CrmInboundHandlerDeps, type EventsDeps } from '../ingest';
import { transferHandlers, type TransferHandlerDeps } from '../transfer';
import { deliveryLogHandlers, webhooksHandlers, type Webhooks } from '../webhooks';
import { workspaceHandlers, type WorkspaceHandlerDeps } from '../workspace';
import { settingsHandlers, type SettingsDeps } from './settings-handlers';
import type { Clock } from '../kernel';

export type HandlerDeps = SettingsDeps & WorkspaceHandlerDeps & EventsDeps & TransferHandlerDeps & DemoDeps & CrmInboundHandlerDeps & { webhooks: Webhooks; clock: Clock };

/** Every capability's handlers over the services the core built. */
export function createHandlers(deps: HandlerDeps): Handlers<Contract> {
  return {
    ...settingsHandlers(deps),
    ...eventsHandlers(deps),
    ...workspaceHandlers(deps),
    ...transferHandlers(deps),
    ...demoHandlers(deps),
    ...webhooksHandlers(deps),
    ...deliveryLogHandlers(deps),
    // LawRuler's inbound webhook (ingest/, which receives it); crm/ adds the connection handlers beside these.
    crm: { ...crmInboundHandlers(deps) },
  };
}
