import { describe, expect, it } from 'vitest';
import { checkDestination } from './check-destination';
import type { Lookup, ResolvedAddress } from './lookup';

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });

/** A resolver that knows only the names it is given; anything else fails like getaddrinfo does. */
function fakeLookup(table: Record<string, ResolvedAddress[]>): Lookup & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (host: string) => {
    calls.push(host);
    const answer = table[host];
    if (answer) return answer;
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  };
  return Object.assign(lookup, { calls });
}

describe('checkDestination', () => {
  it('accepts an https URL whose name resolves only to public addresses', async () => {
    const lookup = fakeLookup({ 'hooks.example.com': [v4('93.184.216.34'), { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 }] });
    const result = await checkDestination('https://hooks.example.com/kayse', { lookup });
    expect(result).toEqual({
      ok: true,
      addresses: [v4('93.184.216.34'), { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 }],
      allowlisted: false,
    });
    expect(lookup.calls).toEqual(['hooks.example.com']);
  });

  it('names the address and the rule when the name resolves to a private address', async () => {
    const lookup = fakeLookup({ 'intranet.example.com': [v4('10.0.0.5')] });
    const result = await checkDestination('https://intranet.example.com/hook', { lookup });
    expect(result).toMatchObject({ ok: false, rule: 'private', address: '10.0.0.5' });
    if (!result.ok) expect(result.message).toContain('intranet.example.com resolves to 10.0.0.5, a private address');
  });

  it('refuses a name with one private address among public ones', async () => {
    const lookup = fakeLookup({ 'mixed.example.com': [v4('93.184.216.34'), v4('8.8.8.8'), v4('192.168.0.7')] });
    const result = await checkDestination('https://mixed.example.com/', { lookup });
    expect(result).toMatchObject({ ok: false, rule: 'private', address: '192.168.0.7' });
  });

  it('classifies IP literals directly without a lookup', async () => {
    const lookup = fakeLookup({});
    const loop = await checkDestination('https://127.0.0.1:8443/x', { lookup });
    expect(loop).toMatchObject({ ok: false, rule: 'loopback', message: expect.stringContaining('resolves to 127.0.0.1, a loopback address') });
    expect(await checkDestination('https://[::ffff:10.0.0.5]/x', { lookup })).toMatchObject({ ok: false, rule: 'private' });
    expect(await checkDestination('https://[fd00::1]/x', { lookup })).toMatchObject({ ok: false, rule: 'unique_local' });
    // WHATWG URL parsing normalises the odd IPv4 spellings before we classify them.
    expect(await checkDestination('https://0x7f.1/x', { lookup })).toMatchObject({ ok: false, rule: 'loopback' });
    expect(await checkDestination('https://93.184.216.34/x', { lookup })).toMatchObject({ ok: true });
    expect(lookup.calls).toEqual([]);
  });

  it('refuses http:// naming the https rule, before any lookup', async () => {
    const lookup = fakeLookup({ 'hooks.example.com': [v4('93.184.216.34')] });
    const result = await checkDestination('http://hooks.example.com/kayse', { lookup });
    expect(result).toMatchObject({ ok: false, rule: 'https_only', message: expect.stringContaining('must use https://') });
    expect(lookup.calls).toEqual([]);
  });

  it('refuses credentials in the URL and text that is not a URL', async () => {
    const lookup = fakeLookup({ 'hooks.example.com': [v4('93.184.216.34')] });
    expect(await checkDestination('https://user:pw@hooks.example.com/', { lookup })).toMatchObject({ ok: false, rule: 'credentials' });
    expect(await checkDestination('https://token@hooks.example.com/', { lookup })).toMatchObject({ ok: false, rule: 'credentials' });
    expect(await checkDestination('hooks.example.com/kayse', { lookup })).toMatchObject({ ok: false, rule: 'invalid_url' });
  });

  it('explains a name that does not resolve', async () => {
    const lookup = fakeLookup({ 'empty.example.com': [] });
    expect(await checkDestination('https://nowhere.example.com/', { lookup })).toEqual({
      ok: false,
      rule: 'unresolvable',
      message: expect.stringMatching(/^No address was found for nowhere\.example\.com\. Check the host name's spelling; if it is right, this computer's DNS may be unreachable .*\(ENOTFOUND\)$/),
    });
    expect(await checkDestination('https://empty.example.com/', { lookup })).toMatchObject({ ok: false, rule: 'unresolvable' });
  });

  it('does not blame the name when the DNS server itself did not answer', async () => {
    const lookup = async (host: string): Promise<ResolvedAddress[]> => {
      throw Object.assign(new Error(`getaddrinfo EAI_AGAIN ${host}`), { code: 'EAI_AGAIN' });
    };
    const result = await checkDestination('https://hooks.example.com/kayse', { lookup });
    expect(result).toMatchObject({ ok: false, rule: 'unresolvable' });
    const message = result.ok ? '' : result.message;
    expect(message).toContain('The DNS server did not answer, so hooks.example.com could not be looked up');
    expect(message).toContain('The host name may well be right');
    expect(message).not.toContain('spelling');
    expect(message).toMatch(/\(EAI_AGAIN\)$/);
  });

  it('lets allowlisted ranges through and says so, while every other address is still checked', async () => {
    const lookup = fakeLookup({ 'crm.firm.internal': [v4('10.20.0.8')], 'half.firm.internal': [v4('10.20.0.8'), v4('10.30.0.1')] });
    expect(await checkDestination('https://crm.firm.internal/', { lookup, allowlist: ['10.20.0.0/16'] })).toMatchObject({ ok: true, allowlisted: true });
    expect(await checkDestination('https://half.firm.internal/', { lookup, allowlist: ['10.20.0.0/16'] })).toMatchObject({
      ok: false,
      rule: 'private',
      address: '10.30.0.1',
    });
  });

  it('refuses a bad allowlist entry instead of ignoring it', async () => {
    await expect(checkDestination('https://93.184.216.34/', { allowlist: ['10.0.0.0/40'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('10.0.0.0/40'),
    });
  });
});
