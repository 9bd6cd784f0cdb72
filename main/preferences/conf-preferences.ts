import Conf from 'conf';
import { preferencesOver, type PreferencesStore } from './preferences-store';

/** Preferences in <dataDir>/preferences.json, for hosts without electron-store. */
export function confPreferences(dataDir: string): PreferencesStore {
  return preferencesOver(new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'preferences', projectName: 'kayse-integrations-console' }));
}
