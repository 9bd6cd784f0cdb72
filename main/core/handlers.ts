// The contract's handlers: thin adapters from procedures to services. A procedure without a handler here
// fails to typecheck.
import type { Contract } from '../../shared/contract';
import type { SystemInfo } from '../../shared/domain/system';
import type { Handlers } from '../../shared/rpc';
import type { IntegrationCatalog } from '../integrations';
import type { PreferencesStore } from '../preferences';
import type { CompanyService } from '../workspace';
import type { EventBus } from './event-bus';

export interface HandlerDeps {
  company: CompanyService;
  integrations: IntegrationCatalog;
  preferences: PreferencesStore;
  systemInfo: () => Promise<SystemInfo>;
  events: EventBus;
}

export function createHandlers(deps: HandlerDeps): Handlers<Contract> {
  return {
    company: {
      get: () => deps.company.get(),
      update: (input) => deps.company.update(input),
    },
    integrations: {
      list: () => deps.integrations.list(),
      get: ({ id }) => deps.integrations.get(id),
    },
    preferences: {
      get: () => deps.preferences.get(),
      update: (changes) => {
        const next = deps.preferences.update(changes);
        deps.events.emit('tables.changed', { tables: ['preferences'] });
        return next;
      },
    },
    system: {
      info: () => deps.systemInfo(),
    },
  };
}
