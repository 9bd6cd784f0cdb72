import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadlessServer, type HeadlessServer } from '../hosts/headless';
import { csv, startTransferCore, type TestCore } from './transfer-test-fixture';

const running: { server: HeadlessServer; core: TestCore }[] = [];
afterEach(async () => {
  for (const { server, core } of running.splice(0)) {
    await server.close();
    await core.cleanup();
  }
});

describe('imports over the headless host', () => {
  it('accepts a whole file of several megabytes in one RPC body and answers a dry run', async () => {
    const core = startTransferCore();
    const rendererDir = join(core.dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
    const server = await startHeadlessServer({ core, rendererDir, port: 0 });
    running.push({ server, core });
    const lines = Array.from({ length: 30_000 }, (_, i) => `C${i},Client number ${i},Lee,+1555${String(i).padStart(7, '0')},client${i}@example.com,${'x'.repeat(40)}`);
    const file = csv('id,first name,last name,phone,email,notes', ...lines);
    expect(file.length).toBeGreaterThan(2 * 1024 * 1024);
    const rpc = async (path: string, body: unknown) => {
      const res = await fetch(`${server.origin}/rpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { ok: boolean; value: Record<string, unknown> } };
    };
    const inspect = await rpc('imports.inspect', { kind: 'clients', fileName: 'big.csv', csv: file });
    expect(inspect).toMatchObject({ status: 200, body: { ok: true, value: { rowCount: 30_000 } } });
    const mapping = inspect.body.value.suggestedMapping as Record<string, string | null>;
    const dry = await rpc('imports.dryRun', { kind: 'clients', fileName: 'big.csv', csv: file, mapping });
    expect(dry).toMatchObject({ status: 200, body: { ok: true, value: { created: 30_000, rejected: 0 } } });
    const bad = await rpc('imports.dryRun', { kind: 'clients', fileName: 'big.csv', csv: file, mapping: { ...mapping, 'first name': 'nickname' } });
    expect(bad).toMatchObject({ status: 422, body: { ok: false, error: { code: 'UNPROCESSABLE' } } });
  });
});
