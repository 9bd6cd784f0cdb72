import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { parseAllowlist } from './allowlist';
import { classifyAddress, type BlockedRule } from './classify-address';

const refused: [string, BlockedRule][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['::1', 'loopback'],
  ['10.0.0.5', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.10', 'private'],
  ['169.254.169.254', 'link_local'],
  ['fe80::1', 'link_local'],
  ['febf:ffff::1', 'link_local'],
  ['100.64.0.1', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['::', 'unspecified'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.254', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['ff02::1', 'multicast'],
  ['fc00::1', 'unique_local'],
  ['fd12:3456:789a::1', 'unique_local'],
  ['fec0::1', 'site_local'],
  ['192.0.2.1', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['2001:db8::1', 'reserved'],
  ['100::1', 'reserved'],
  ['::7f00:1', 'reserved'], // deprecated IPv4-compatible ::127.0.0.1
  ['4000::1', 'reserved'], // outside global unicast 2000::/3
  ['not-an-ip', 'invalid'],
  ['', 'invalid'],
];

const embedded: [string, BlockedRule, string][] = [
  ['::ffff:127.0.0.1', 'loopback', '127.0.0.1'],
  ['::ffff:10.0.0.5', 'private', '10.0.0.5'],
  ['::ffff:a9fe:a9fe', 'link_local', '169.254.169.254'],
  ['::ffff:0:192.168.0.1', 'private', '192.168.0.1'],
  ['64:ff9b::10.0.0.5', 'private', '10.0.0.5'],
  ['64:ff9b::7f00:1', 'loopback', '127.0.0.1'],
  ['64:ff9b::100.64.0.1', 'cgnat', '100.64.0.1'],
  ['2002:c0a8:0101::1', 'private', '192.168.1.1'],
  ['2002:7f00:0001::', 'loopback', '127.0.0.1'],
  ['2002:a9fe:a9fe::1', 'link_local', '169.254.169.254'],
];

const publicAddresses = [
  '93.184.216.34',
  '8.8.8.8',
  '1.1.1.1',
  '172.32.0.1', // just outside 172.16/12
  '100.128.0.1', // just outside 100.64/10
  '2606:2800:220:1:248:1893:25c8:1946',
  '2a00:1450:4001:81c::200e',
  '::ffff:93.184.216.34',
  '64:ff9b::93.184.216.34',
  '2002:5db8:d822::1',
];

describe('classifyAddress', () => {
  it.each(refused)('refuses %s as %s', (ip, rule) => {
    const verdict = classifyAddress(ip);
    expect(verdict).toMatchObject({ allowed: false, rule });
  });

  it.each(embedded)('unwraps %s and refuses the embedded address as %s', (ip, rule, v4) => {
    const verdict = classifyAddress(ip);
    expect(verdict).toMatchObject({ allowed: false, rule, embedded: v4 });
    if (!verdict.allowed) expect(verdict.description).toContain(v4);
  });

  it.each(publicAddresses)('allows the public address %s', (ip) => {
    expect(classifyAddress(ip)).toEqual({ allowed: true, address: ip, allowlisted: false });
  });

  it('describes each rule in words users read in error messages', () => {
    expect(classifyAddress('10.0.0.5')).toMatchObject({ description: 'a private address' });
    expect(classifyAddress('127.0.0.1')).toMatchObject({ description: 'a loopback address' });
    expect(classifyAddress('169.254.1.1')).toMatchObject({ description: 'a link-local address' });
    expect(classifyAddress('::ffff:10.0.0.5')).toMatchObject({ description: expect.stringMatching(/^a private address \(10\.0\.0\.5 inside an IPv4-mapped/) });
  });
});

describe('allowlist', () => {
  it('allows listed ranges (v4, v6, and the v4 inside a mapped address) and marks them allowlisted', () => {
    const allowlist = parseAllowlist(['127.0.0.0/8', '10.20.0.0/16', 'fd00:1::/64', '::1']);
    expect(classifyAddress('127.0.0.1', allowlist)).toEqual({ allowed: true, address: '127.0.0.1', allowlisted: true });
    expect(classifyAddress('10.20.3.4', allowlist)).toMatchObject({ allowed: true, allowlisted: true });
    expect(classifyAddress('::ffff:10.20.3.4', allowlist)).toMatchObject({ allowed: true, allowlisted: true });
    expect(classifyAddress('fd00:1::99', allowlist)).toMatchObject({ allowed: true, allowlisted: true });
    expect(classifyAddress('::1', allowlist)).toMatchObject({ allowed: true, allowlisted: true });
  });

  it('still refuses what the allowlist does not cover', () => {
    const allowlist = parseAllowlist(['10.20.0.0/16', 'fd00:1::/64']);
    expect(classifyAddress('10.21.0.1', allowlist)).toMatchObject({ allowed: false, rule: 'private' });
    expect(classifyAddress('fd00:2::1', allowlist)).toMatchObject({ allowed: false, rule: 'unique_local' });
    expect(classifyAddress('127.0.0.1', allowlist)).toMatchObject({ allowed: false, rule: 'loopback' });
  });

  it('refuses bad entries with INVALID_INPUT naming each one', () => {
    let caught: unknown;
    try {
      parseAllowlist(['10.0.0.0/8', '10.0.0.0/33', 'intranet', '10.1/16', ' ']);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('"10.0.0.0/33" is not a CIDR range');
    expect(error.message).toContain('"intranet" is not a CIDR range');
    expect(error.details).toEqual({
      issues: [
        { path: 'allowlist.1', message: expect.stringContaining('10.0.0.0/33') },
        { path: 'allowlist.2', message: expect.stringContaining('intranet') },
        { path: 'allowlist.3', message: expect.stringContaining('10.1/16') },
        { path: 'allowlist.4', message: expect.stringContaining('is empty') },
      ],
    });
  });
});
