// A headless host over a real test core, serving a stand-in renderer page; closed by the test's clean-up list.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cleanup } from '../../test-support/cleanup';
import { startTestCore } from '../../test-support/test-core';
import { startHeadlessServer } from './server';

/** Starts a core and a headless host on a free port; both are closed by `cleanup`. */
export async function startTestHeadlessServer(cleanup: Pick<Cleanup, 'use'>) {
  const core = cleanup.use(startTestCore({ fileSecrets: true }));
  const rendererDir = join(core.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
  const server = cleanup.use(await startHeadlessServer({ core, rendererDir, port: 0 }));
  return { core, server };
}
