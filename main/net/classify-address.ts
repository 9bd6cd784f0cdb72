// Decides whether a webhook may be sent to one IP address: only public unicast, unless allowlisted.
import ipaddr from 'ipaddr.js';
import { emptyAllowlist, isAllowlisted, type Allowlist } from './allowlist';

/** Why an address is refused; each rule maps to the wording users see ("a private address"). */
export const BLOCKED_RULES = {
  loopback: 'a loopback address',
  private: 'a private address',
  link_local: 'a link-local address',
  cgnat: 'a carrier-grade NAT (CGNAT) address',
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  unique_local: 'an IPv6 unique local address',
  site_local: 'a deprecated IPv6 site-local address',
  reserved: 'a reserved (non-public) address',
  invalid: 'not a valid IP address',
} as const;
export type BlockedRule = keyof typeof BLOCKED_RULES;

export type AddressVerdict =
  | { allowed: true; address: string; allowlisted: boolean }
  | { allowed: false; address: string; rule: BlockedRule; description: string; embedded?: string };

type V4Verdict = { rule: BlockedRule } | null;

// ipaddr.js range names → our rules; ranges not listed here (unicast, as112, amt) are public.
const V4_RULES: Partial<Record<ReturnType<ipaddr.IPv4['range']>, BlockedRule>> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link_local',
  loopback: 'loopback',
  carrierGradeNat: 'cgnat',
  private: 'private',
  reserved: 'reserved',
  benchmarking: 'reserved',
};

// IPv6 ranges that are refused outright (the IPv4-embedding ones are unwrapped instead).
const V6_RULES: Record<string, BlockedRule> = {
  unspecified: 'unspecified',
  loopback: 'loopback',
  linkLocal: 'link_local',
  multicast: 'multicast',
  uniqueLocal: 'unique_local',
  deprecatedSiteLocal: 'site_local',
  discard: 'reserved',
  teredo: 'reserved',
  benchmarking: 'reserved',
  deprecatedOrchid: 'reserved',
  orchid2: 'reserved',
  droneRemoteIdProtocolEntityTags: 'reserved',
  segmentRouting: 'reserved',
  reserved: 'reserved',
};

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

function classifyV4(address: ipaddr.IPv4): V4Verdict {
  const rule = V4_RULES[address.range()];
  return rule ? { rule } : null;
}

const v4From = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** The IPv4 address an IPv6 form carries, with the name of the form (mapped, translated, NAT64, 6to4). */
function embeddedV4(address: ipaddr.IPv6): { v4: ipaddr.IPv4; form: string } | null {
  const p = address.parts;
  switch (address.range()) {
    case 'ipv4Mapped':
      return { v4: v4From(p[6]!, p[7]!), form: 'an IPv4-mapped IPv6 address' };
    case 'rfc6145':
      return { v4: v4From(p[6]!, p[7]!), form: 'an IPv4-translated IPv6 address' };
    case 'rfc6052':
      return address.match(NAT64_WELL_KNOWN) ? { v4: v4From(p[6]!, p[7]!), form: 'a NAT64 address' } : null;
    case '6to4':
      return { v4: v4From(p[1]!, p[2]!), form: 'a 6to4 address' };
    default:
      return null;
  }
}

function refuse(address: string, rule: BlockedRule, embedded?: { v4: ipaddr.IPv4; form: string }): AddressVerdict {
  const base = BLOCKED_RULES[rule];
  if (!embedded) return { allowed: false, address, rule, description: base };
  const v4 = embedded.v4.toString();
  return { allowed: false, address, rule, description: `${base} (${v4} inside ${embedded.form})`, embedded: v4 };
}

function classifyV6(ip: string, address: ipaddr.IPv6): AddressVerdict | null {
  const embedded = embeddedV4(address);
  if (embedded) {
    const inner = classifyV4(embedded.v4);
    return inner ? refuse(ip, inner.rule, embedded) : null;
  }
  const range = address.range();
  // The local-use NAT64 prefix (64:ff9b:1::/48) only exists inside one network.
  if (range === 'rfc6052') return refuse(ip, 'reserved');
  const rule = V6_RULES[range];
  if (rule) return refuse(ip, rule);
  // Everything outside 2000::/3 (including the deprecated IPv4-compatible ::a.b.c.d) is unallocated or special.
  return address.match(GLOBAL_UNICAST_V6) ? null : refuse(ip, 'reserved');
}

/** Classifies one IP address (v4 or v6): allowed when public unicast or inside an allowlisted range. */
export function classifyAddress(ip: string, allowlist: Allowlist = emptyAllowlist): AddressVerdict {
  if (!ipaddr.isValid(ip)) return refuse(ip, 'invalid');
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') {
    const v4 = address as ipaddr.IPv4;
    if (isAllowlisted(v4, allowlist)) return { allowed: true, address: ip, allowlisted: true };
    const verdict = classifyV4(v4);
    return verdict ? refuse(ip, verdict.rule) : { allowed: true, address: ip, allowlisted: false };
  }
  const v6 = address as ipaddr.IPv6;
  if (isAllowlisted(v6, allowlist, embeddedV4(v6)?.v4)) return { allowed: true, address: ip, allowlisted: true };
  return classifyV6(ip, v6) ?? { allowed: true, address: ip, allowlisted: false };
}
