// The generator's ingest API key: one "Demo generator" key, reused across restarts. Only its id is kept (in the
// demo state file); its value lives in memory, so after a restart the same row gets a new value (renewDemo) rather
// than a new key being added and the old one revoked each time.
import type { Ingest } from '../ingest';
import type { DemoStateFile } from './demo-state-file';

export const DEMO_KEY_NAME = 'Demo generator';

export interface DemoKey {
  id: string;
  apiKey: string;
}

/** Returns `current` while it is live; else renews the recorded live demo key, or creates one (revoking strays). */
export function ensureDemoKey(ingest: Ingest, file: DemoStateFile, current: DemoKey | undefined, rateCeiling: number): { key: DemoKey; created: boolean } {
  const keys = ingest.keys.list();
  if (current && keys.some((k) => k.id === current.id && k.revokedAt === null)) return { key: current, created: false };
  const recorded = file.read().keyIds;
  const live = keys.filter((k) => recorded.includes(k.id) && k.revokedAt === null && k.isDemo);
  for (const candidate of live) {
    const renewed = ingest.keys.renewDemo(candidate.id);
    if (!renewed) continue;
    // Keys an older version added at each start: only the one reused stays live.
    for (const other of live) if (other.id !== candidate.id) ingest.keys.revoke(other.id);
    return { key: { id: candidate.id, apiKey: renewed.apiKey }, created: false };
  }
  const made = ingest.keys.create({ name: DEMO_KEY_NAME, rateLimitPerMinute: rateCeiling }, { isDemo: true });
  file.update((s) => ({ ...s, keyIds: [...new Set([...s.keyIds, made.key.id])] }));
  return { key: { id: made.key.id, apiKey: made.apiKey }, created: true };
}
