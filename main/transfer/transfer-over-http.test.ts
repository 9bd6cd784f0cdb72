import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { startHeadlessServer } from '../hosts/headless';
import { httpApi } from '../test-support/api';
import { csv, startTransferCore } from './transfer-test-fixture';

const cleanup = useCleanup();

describe('imports over the headless host', () => {
  it('accepts a whole file of several megabytes in one RPC body and answers a dry run', async () => {
    const core = cleanup.use(startTransferCore());
    const rendererDir = join(core.dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
    const server = cleanup.use(await startHeadlessServer({ core, rendererDir, port: 0 }));
    const lines = Array.from({ length: 30_000 }, (_, i) => `C${i},Client number ${i},Lee,+1555${String(i).padStart(7, '0')},client${i}@example.com,${'x'.repeat(40)}`);
    const file = csv('id,first name,last name,phone,email,notes', ...lines);
    expect(file.length).toBeGreaterThan(2 * 1024 * 1024);
    const { raw } = httpApi(server.origin, server.token);
    const inspect = await raw.imports.inspect({ kind: 'clients', fileName: 'big.csv', csv: file });
    expect(inspect).toMatchObject({ status: 200, body: { ok: true, value: { rowCount: 30_000 } } });
    if (!inspect.body.ok) throw new Error(inspect.body.error.message);
    const mapping = inspect.body.value.suggestedMapping;
    const dry = await raw.imports.dryRun({ kind: 'clients', fileName: 'big.csv', csv: file, mapping });
    expect(dry).toMatchObject({ status: 200, body: { ok: true, value: { created: 30_000, rejected: 0 } } });
    const bad = await raw.imports.dryRun({ kind: 'clients', fileName: 'big.csv', csv: file, mapping: { ...mapping, 'first name': 'nickname' } });
    expect(bad).toMatchObject({ status: 422, body: { ok: false, error: { code: 'UNPROCESSABLE' } } });
  });
});
