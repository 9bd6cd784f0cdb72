import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { demoStateFile } from './demo-state-file';

const cleanup = useCleanup();
const dir = () => cleanup.tempDir();

describe('demo state file', () => {
  it('remembers the demo key ids and the rate across restarts', () => {
    const data = dir();
    const first = demoStateFile(data, () => undefined);
    expect(first.read()).toEqual({ keyIds: [], ratePerMinute: 60 });
    first.update((s) => ({ ...s, keyIds: ['key_1'], ratePerMinute: 600 }));
    expect(demoStateFile(data, () => undefined).read()).toEqual({ keyIds: ['key_1'], ratePerMinute: 600 });
    expect(JSON.parse(readFileSync(first.path, 'utf8'))).toEqual({ keyIds: ['key_1'], ratePerMinute: 600 });
  });

  it('reads a damaged file as the defaults and says what was wrong', () => {
    const data = dir();
    const warnings: string[] = [];
    const file = demoStateFile(data, (m) => warnings.push(m));
    writeFileSync(file.path, '{"keyIds": "oops", "ratePerMinute": 99999}');
    expect(file.read()).toEqual({ keyIds: [], ratePerMinute: 60 });
    expect(warnings[0]).toMatch(/demo-mode\.json is not valid demo state/);
    writeFileSync(file.path, 'not json');
    expect(demoStateFile(data, (m) => warnings.push(m)).read()).toEqual({ keyIds: [], ratePerMinute: 60 });
    expect(warnings[1]).toMatch(/could not be read/);
  });
});
