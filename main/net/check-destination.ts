// Save-time check of a webhook destination URL: https only, no credentials, every resolved address public.
import { isIP } from 'node:net';
import { toAllowlist, type Allowlist } from './allowlist';
import { blockedMessage } from './blocked-address-error';
import { classifyAddress, type BlockedRule } from './classify-address';
import { dnsFailureWords } from './dns-failure';
import { bareHost, systemLookup, type Lookup, type ResolvedAddress } from './lookup';

/** The URL-level rules, alongside the address rules of classifyAddress. */
export type DestinationRule = 'invalid_url' | 'https_only' | 'credentials' | 'unresolvable' | BlockedRule;

export type DestinationCheck =
  | { ok: true; addresses: ResolvedAddress[]; allowlisted: boolean }
  | { ok: false; rule: DestinationRule; message: string; address?: string };

export interface DestinationOptions {
  lookup?: Lookup;
  /** Internal-receiver ranges; raw entries are validated (INVALID_INPUT naming each bad one). */
  allowlist?: Allowlist | readonly string[];
}

const refuse = (rule: DestinationRule, message: string, address?: string): DestinationCheck =>
  address === undefined ? { ok: false, rule, message } : { ok: false, rule, message, address };

async function resolve(host: string, lookup: Lookup): Promise<ResolvedAddress[] | string> {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family: family === 6 ? 6 : 4 }];
  try {
    const addresses = await lookup(host);
    return addresses.length > 0 ? addresses : `${host} has no addresses: check the host name`;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return `${dnsFailureWords(host, code)}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
}

/** Checks a destination URL as it is saved; the refusal message names the rule broken and what to do. */
export async function checkDestination(url: string, options: DestinationOptions = {}): Promise<DestinationCheck> {
  const allowlist = toAllowlist(options.allowlist);
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return refuse('invalid_url', `"${url}" is not a valid URL: write a full address such as https://hooks.example.com/kayse`);
  }
  if (parsed.protocol !== 'https:') {
    return refuse('https_only', `The destination URL must use https:// (it uses ${parsed.protocol}//)`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return refuse('credentials', 'The destination URL must not contain a user name or password: use an App Key or the signature to authenticate');
  }
  const host = bareHost(parsed.hostname);
  if (host === '') return refuse('invalid_url', 'The destination URL has no host name');
  const addresses = await resolve(host, options.lookup ?? systemLookup);
  if (typeof addresses === 'string') return refuse('unresolvable', addresses);
  let allowlisted = false;
  for (const { address } of addresses) {
    const verdict = classifyAddress(address, allowlist);
    if (!verdict.allowed) return refuse(verdict.rule, blockedMessage(host, address, verdict.description), address);
    allowlisted ||= verdict.allowlisted;
  }
  return { ok: true, addresses, allowlisted };
}
