// Demo mode's own small state, kept beside the database as <data dir>/demo-mode.json: the ids of the ingest
// API keys it created (so wiping removes them and nothing else) and the generator's rate. No secret is kept:
// the demo key's value lives in memory only; after a restart the same key row gets a new value (demo-key.ts).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEMO_RATE_DEFAULT, demoRateSchema } from '../../shared/contract/demo';

const stateSchema = z.object({
  keyIds: z.array(z.string().min(1)).default([]),
  ratePerMinute: demoRateSchema.default(DEMO_RATE_DEFAULT),
});
export type DemoState = z.output<typeof stateSchema>;

export interface DemoStateFile {
  read(): DemoState;
  /** Writes the changed state (atomically: a temporary file renamed over the old one). */
  update(change: (state: DemoState) => DemoState): DemoState;
  path: string;
}

/** The state file in `dataDir`, read once and kept in memory; a missing or unreadable file reads as the defaults. */
export function demoStateFile(dataDir: string, warn: (message: string) => void): DemoStateFile {
  const path = join(dataDir, 'demo-mode.json');
  const load = (): DemoState => {
    if (!existsSync(path)) return stateSchema.parse({});
    try {
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) return parsed.data;
      warn(`${path} is not valid demo state (${parsed.error.issues.map((i) => i.message).join('; ')}); using defaults`);
    } catch (error) {
      warn(`${path} could not be read (${error instanceof Error ? error.message : String(error)}); using defaults`);
    }
    return stateSchema.parse({});
  };
  let current: DemoState | undefined;
  return {
    path,
    read: () => (current ??= load()),
    update(change) {
      const next = stateSchema.parse(change((current ??= load())));
      const temp = `${path}.tmp`;
      writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`);
      renameSync(temp, path);
      current = next;
      return next;
    },
  };
}
