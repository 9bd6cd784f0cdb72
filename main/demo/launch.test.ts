import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { startDemoCore } from './demo-test-fixture';
import { demoRequested, startDemoAtLaunch } from './launch';

const cleanup = useCleanup();
async function start() {
  const t = cleanup.use(await startDemoCore({ clients: 20, cases: 20 }));
  return t;
}

describe('demo mode at launch (--demo, KAYSE_DEMO=1)', () => {
  it('is asked for by the flag or KAYSE_DEMO', () => {
    expect(demoRequested(true, {})).toBe(true);
    expect(demoRequested(undefined, { KAYSE_DEMO: '1' })).toBe(true);
    expect(demoRequested(undefined, { KAYSE_DEMO: 'true' })).toBe(true);
    expect(demoRequested(undefined, { KAYSE_DEMO: '0' })).toBe(false);
    expect(demoRequested(undefined, {})).toBe(false);
  });

  it('seeds and starts on an empty workspace, and only restarts the generator on a demo-only one', async () => {
    const t = await start();
    expect(await startDemoAtLaunch(t.demo)).toMatch(/^Demo mode: 20 demo cases, 20 clients; posting about 60 events a minute/);
    expect(t.demo.status().generator.running).toBe(true);
    await t.demo.stop();
    expect(await startDemoAtLaunch(t.demo)).toMatch(/^Demo mode: 20 demo cases/);
    expect(t.count('cases', 'is_demo = 1')).toBe(20);
    expect(t.demo.status().generator.running).toBe(true);
  });

  it('leaves a workspace with real data alone', async () => {
    const t = await start();
    t.core.workspace.caseTypes.create({ name: 'Auto Accident', statuses: ['New'] });
    expect(await startDemoAtLaunch(t.demo)).toMatch(/not started: this workspace already holds real data/);
    expect(t.count('case_types', 'is_demo = 1')).toBe(0);
    expect(t.demo.status().generator.running).toBe(false);
  });
});
