// Handlers of the settings procedures: company profile, integration cards, preferences, system info.
import type { settingsContract } from '../../shared/contract/settings';
import type { SystemInfo } from '../../shared/domain/system';
import type { Handlers } from '../../shared/rpc';
import { announceChanged } from '../kernel';
import type { IntegrationCatalog } from '../integration-cards';
import type { PreferencesStore } from '../preferences';
import type { CompanyService } from '../workspace';
import type { EventBus } from '../kernel';

export interface SettingsDeps {
  company: CompanyService;
  integrations: IntegrationCatalog;
  preferences: PreferencesStore;
  systemInfo: () => Promise<SystemInfo>;
  events: EventBus;
}

export function settingsHandlers(deps: SettingsDeps): Handlers<typeof settingsContract> {
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
        announceChanged(deps.events, ['preferences']);
        return next;
      },
    },
    system: {
      info: () => deps.systemInfo(),
    },
  };
}
