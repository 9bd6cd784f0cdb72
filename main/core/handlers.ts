// All handlers of the contract, one factory per capability. A procedure without a handler fails to typecheck.
import type { Contract } from '../../shared/contract';
import type { Handlers } from '../../shared/rpc';
import { settingsHandlers, type SettingsDeps } from './settings-handlers';

export type HandlerDeps = SettingsDeps;

export function createHandlers(deps: HandlerDeps): Handlers<Contract> {
  return {
    ...settingsHandlers(deps),
  };
}
