// UI preferences (theme). The Electron host keeps them in electron-store; the headless host in a conf file in
// the data dir. Both are the same key-value shape, read back through zod since the file can be edited by hand.
import { preferencesSchema, type Preferences } from '../../shared/domain/system';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface PreferencesStore {
  get(): Preferences;
  update(changes: Partial<Preferences>): Preferences;
}

const DEFAULTS: Preferences = { colorScheme: 'auto' };

export function preferencesOver(store: KeyValueStore, key = 'ui'): PreferencesStore {
  const get = (): Preferences => {
    const parsed = preferencesSchema.safeParse({ ...DEFAULTS, ...(store.get(key) as object | undefined) });
    return parsed.success ? parsed.data : DEFAULTS;
  };
  return {
    get,
    update(changes) {
      const next = { ...get(), ...changes };
      store.set(key, next);
      return next;
    },
  };
}
