// All handlers of the contract, one factory per capability. A procedure without a handler fails to typecheck.
import type { Contract } from '../../shared/contract';
import type { Handlers } from '../../shared/rpc';
import { crmHandlers, type CrmHandlerDeps } from '../crm';
import { demoHandlers, type DemoDeps } from '../demo';
import { syncHandlers, type SyncHandlerDeps } from '../sync';
import { schedulingHandlers, type SchedulingHandlerDeps } from '../scheduling';
import { crmInboundHandlers, eventsHandlers, type CrmInboundHandlerDeps, type EventsDeps } from '../ingest';
import { transferHandlers, type TransferHandlerDeps } from '../transfer';
import { deliveryLogHandlers, webhooksHandlers, type Webhooks } from '../webhooks';
import { workspaceHandlers, type WorkspaceHandlerDeps } from '../workspace';
import { settingsHandlers, type SettingsDeps } from './settings-handlers';
import type { Clock } from '../kernel';

export type HandlerDeps = SettingsDeps &
  WorkspaceHandlerDeps &
  EventsDeps &
  TransferHandlerDeps &
  DemoDeps &
  CrmHandlerDeps &
  CrmInboundHandlerDeps &
  SyncHandlerDeps &
  SchedulingHandlerDeps & { webhooks: Webhooks; clock: Clock };

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
    // Connections, catalogs and field sheets (crm/), plus LawRuler's inbound webhook (ingest/, which receives it).
    crm: { ...crmHandlers(deps), ...crmInboundHandlers(deps) },
    ...syncHandlers(deps),
    ...schedulingHandlers(deps),
  };
}
