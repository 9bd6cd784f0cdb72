export { preferencesOver, type KeyValueStore, type PreferencesStore } from './preferences-store';
export { confPreferences } from './conf-preferences';
