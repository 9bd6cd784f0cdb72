// The allowlist opens the firm's own ranges, never (nearly) everything: a catch-all such as 0.0.0.0/0 would let
// webhooks reach this machine and every internal service, so it is refused when saved and dropped when found stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusal as refused } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { AppError } from '../../shared/result';
import { startTestCore } from '../test-support/test-core';
import { parseAllowlist } from './allowlist';
import { classifyAddress } from './classify-address';
import type { Lookup } from './lookup';

const CATCH_ALLS = [
  '0.0.0.0/0',
  '::/0',
  '0.0.0.0/1',
  '128.0.0.0/1',
  '8.0.0.0/5',
  '::/1',
  '::/8', // holds ::ffff:0:0/96, so every IPv4 address in its mapped form
  '::ffff:0:0/96',
  '::ffff:0.0.0.0/97',
  '64:ff9b::/96', // NAT64: every IPv4 address
  '2002::/16', // 6to4: every IPv4 address
  '2000::/3',
  'fc00::/6',
];

const FIRM_RANGES = ['10.0.0.0/8', '10.20.0.0/16', '172.16.0.0/12', '127.0.0.1/32', '192.168.1.5', 'fd00::/8', 'fd00:1::/64', '::1', '::ffff:10.20.0.0/112', '2002:a14::/32'];

function refusal(entries: string[]): AppError {
  try {
    parseAllowlist(entries);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(entries)} to be refused`);
}

describe('allowlist entries', () => {
  it.each(CATCH_ALLS)('refuses the catch-all %s, saying why and what to list instead', (entry) => {
    const error = refusal(['10.20.0.0/16', entry]);
    expect(error.code).toBe('INVALID_INPUT');
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('allowlist.1');
    expect(issues[0]!.message).toContain(`"${entry}"`);
    expect(issues[0]!.message).toContain('this machine');
    expect(issues[0]!.message).toContain("firm's internal services");
    expect(issues[0]!.message).toContain('10.20.0.0/16');
  });

  it("accepts the firm's own ranges, however internal", () => {
    expect(parseAllowlist(FIRM_RANGES).cidrs).toEqual(FIRM_RANGES);
  });

  it('names every catch-all in one refusal', () => {
    const issues = (refusal(['0.0.0.0/0', '10.20.0.0/16', '::/0']).details as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(['allowlist.0', 'allowlist.2']);
  });
});

describe('the catch-all refusal in a running console', () => {
  const cleanup = useCleanup();
  const lookup: Lookup = async () => [{ address: '127.0.0.1', family: 4 }];
  const start = (dataDir: string) => {
    return cleanup.use(startTestCore({ dataDir, fileSecrets: true, webhooks: { lookup, autoStart: false } }));
  };

  it('refuses webhooks.updateSettings with a catch-all and keeps the settings as they were', async () => {
    const core = start(cleanup.tempDir());
    const { api } = core;
    await api.webhooks.updateSettings({ allowlist: ['10.20.0.0/16'] });
    const error = await refused(api.raw.webhooks.updateSettings({ allowlist: ['10.20.0.0/16', '0.0.0.0/0'], retentionDays: 7 }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toMatchObject({ issues: [{ path: 'allowlist.1', message: expect.stringContaining('any address') }] });
    expect(core.webhooks.settings()).toMatchObject({ allowlist: ['10.20.0.0/16'], retentionDays: 30 });
  });

  it('drops a catch-all stored by an older version at start-up, keeps the rest, and says so in the log', async () => {
    const dataDir = cleanup.tempDir();
    const first = start(dataDir);
    first.webhooks.updateSettings({ allowlist: ['10.20.0.0/16'] });
    // An older version accepted catch-alls: put one in the stored row as it would have.
    first.database.sqlite.prepare('UPDATE webhook_settings SET allowlist = ?').run(JSON.stringify(['10.20.0.0/16', '0.0.0.0/0', '::/0']));
    await first.close();

    const core = start(dataDir);
    expect(core.webhooks.settings().allowlist).toEqual(['10.20.0.0/16']);
    const stored = core.database.sqlite.prepare('SELECT allowlist FROM webhook_settings').get() as { allowlist: string };
    expect(JSON.parse(stored.allowlist)).toEqual(['10.20.0.0/16']);
    // Not honoured: loopback is refused again, as it is without an allowlist.
    const check = await core.api.raw.webhooks.checkUrl({ url: 'https://receiver.firm.test/hook' });
    expect(check).toMatchObject({ ok: true, value: { ok: false, rule: 'loopback' } });
    expect(classifyAddress('127.0.0.1', parseAllowlist(core.webhooks.settings().allowlist))).toMatchObject({ allowed: false });
    await core.close();
    const log = readFileSync(join(dataDir, 'logs', 'console.log'), 'utf8');
    const warning = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string; dropped?: string[] })
      .find((line) => line.dropped !== undefined);
    expect(warning).toMatchObject({ level: 40, dropped: ['0.0.0.0/0', '::/0'], msg: expect.stringContaining('removed') });
  });
});
