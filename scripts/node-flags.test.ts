import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADLESS_NODE_FLAGS } from './node-flags.mjs';

// The headless host's V8 flags only work if every way of starting it passes them (they can't be set from inside).
describe('the headless host is started with its V8 flags', () => {
  it('by npm run serve', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.serve).toContain(`node ${HEADLESS_NODE_FLAGS.join(' ')} out/main/headless.js`);
  });

  it('in the README command for running the built host directly', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`node ${HEADLESS_NODE_FLAGS.join(' ')} out/main/headless.js`);
  });

  it('keeps the young generation small: a console that allocates a lot holds at most 2 × 16 MB of new space', async () => {
    const { spawnSync } = await import('node:child_process');
    const probe = `let keep = []; for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 100000) keep = []; }
      console.log(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
    const run = (flags: string[]) => Number(spawnSync(process.execPath, [...flags, '-e', probe], { encoding: 'utf8', timeout: 30_000 }).stdout.trim());
    expect(run(HEADLESS_NODE_FLAGS)).toBeLessThanOrEqual(32 * 1024 * 1024);
  });
});
