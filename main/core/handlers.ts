// All handlers of the contract, one factory per capability. A procedure without a handler fails to typecheck.
import type { Contract } from '../../shared/contract';
import type { Handlers } from '../../shared/rpc';
import { settingsHandlers, type SettingsDeps } from './settings-handlers';
import { eventsHandlers, type EventsDeps } from '../ingest/events-handlers';
import { workspaceHandlers, type WorkspaceDeps } from '../workspace/workspace-handlers';
import { transferHandlers, type TransferDeps } from '../transfer';
import { demoHandlers, type DemoDeps } from '../demo';
import { webhooksHandlers } from '../webhooks/webhooks-handlers';
import { deliveryLogHandlers } from '../webhooks/inspector/delivery-log-handlers';
import type { Webhooks } from '../webhooks/create-webhooks';

export type HandlerDeps = SettingsDeps & WorkspaceDeps & EventsDeps & TransferDeps & DemoDeps & { webhooks: Webhooks };

export function createHandlers(deps: HandlerDeps): Handlers<Contract> {
  return {
    ...settingsHandlers(deps),
    ...eventsHandlers(deps),
    ...workspaceHandlers(deps),
    ...transferHandlers(deps),
    ...demoHandlers(deps),
    ...webhooksHandlers(deps),
    ...deliveryLogHandlers(deps),
  };
}
