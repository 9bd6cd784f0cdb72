// The internal-receivers allowlist: CIDRs (IPv4 and IPv6) whose addresses webhooks may reach despite the URL rules.
// Only the firm's own ranges: a catch-all (0.0.0.0/0, ::/0) or anything wider than a /8 — directly or through an
// IPv6 form that carries IPv4 addresses (::ffff:0:0/96 holds every IPv4 address) — is refused, because it would
// let webhooks reach this machine and every internal service, which is what the URL rules are there to stop.
import ipaddr from 'ipaddr.js';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A validated allowlist; `cidrs` keeps the entries as the user wrote them, for display next to the warning. */
export interface Allowlist {
  readonly cidrs: readonly string[];
  readonly ranges: readonly (readonly [Address, number])[];
}

export const emptyAllowlist: Allowlist = { cidrs: [], ranges: [] };

/**
 * The widest range an entry may be: 10.0.0.0/8, the largest private IPv4 block, and fd00::/8, the unique local
 * addresses firms use. Every firm network fits; anything wider spans other people's ranges (or all of them).
 */
export const WIDEST_PREFIX = 8;

/** IPv6 prefixes whose addresses stand for IPv4 addresses (the dialler reaches the IPv4 one), and where it sits. */
const IPV4_CARRIERS: readonly { network: ipaddr.IPv6; bits: number; v4At: number; form: string }[] = [
  { network: ipaddr.IPv6.parse('::ffff:0:0'), bits: 96, v4At: 96, form: 'IPv4-mapped' },
  { network: ipaddr.IPv6.parse('::ffff:0:0:0'), bits: 96, v4At: 96, form: 'IPv4-translated' },
  { network: ipaddr.IPv6.parse('64:ff9b::'), bits: 96, v4At: 96, form: 'NAT64' },
  { network: ipaddr.IPv6.parse('2002::'), bits: 16, v4At: 16, form: '6to4' },
];

const share = (bits: number, family: string) =>
  bits === 0 ? `every ${family} address` : `1/${(2 ** bits).toLocaleString('en-US')} of all ${family} addresses`;

/** Why a range is too wide to allowlist, or null when it is a range a firm could own. */
function tooWide([network, bits]: [Address, number]): string | null {
  if (network.kind() === 'ipv4') return bits < WIDEST_PREFIX ? share(bits, 'IPv4') : null;
  if (bits < WIDEST_PREFIX) return share(bits, 'IPv6');
  for (const carrier of IPV4_CARRIERS) {
    // The IPv4 addresses the range reaches through this form: all of them when it holds the whole form.
    const v4Bits =
      bits <= carrier.bits
        ? carrier.network.match(network, bits)
          ? 0
          : undefined
        : network.match(carrier.network, carrier.bits)
          ? Math.min(32, bits - carrier.v4At)
          : undefined;
    if (v4Bits !== undefined && v4Bits < WIDEST_PREFIX) return `${share(v4Bits, 'IPv4')} (as ${carrier.form} IPv6 addresses)`;
  }
  return null;
}

function parseEntry(entry: string): [Address, number] | string {
  const text = entry.trim();
  if (text === '') return 'is empty: write a range such as 10.20.0.0/16 or fd00:1::/64';
  let range: [Address, number];
  // Only the canonical dotted-quad IPv4 form: "10.1/8" is valid to inet_aton but surely a typo here.
  if (ipaddr.IPv4.isValidCIDRFourPartDecimal(text) || ipaddr.IPv6.isValidCIDR(text)) range = ipaddr.parseCIDR(text);
  else if (ipaddr.IPv4.isValidFourPartDecimal(text)) range = [ipaddr.IPv4.parse(text), 32];
  else if (ipaddr.IPv6.isValid(text)) range = [ipaddr.IPv6.parse(text), 128];
  else return `"${entry}" is not a CIDR range: write an address and prefix length such as 10.20.0.0/16 or fd00:1::/64`;
  const wide = tooWide(range);
  if (wide === null) return range;
  return (
    `"${text}" covers ${wide}: it would let webhooks reach any address, including this machine and the firm's internal services. ` +
    `List only the firm's own receiver ranges instead, such as 10.20.0.0/16 or fd00:1::/64 (at most a /${WIDEST_PREFIX}).`
  );
}

/** Validates allowlist entries (CIDRs or single addresses); throws INVALID_INPUT naming every bad entry. */
export function parseAllowlist(entries: readonly string[], field = 'allowlist'): Allowlist {
  const issues: FieldIssue[] = [];
  const ranges: [Address, number][] = [];
  entries.forEach((entry, i) => {
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') issues.push({ path: `${field}.${i}`, message: parsed });
    else ranges.push(parsed);
  });
  if (issues.length > 0) throw new AppError('INVALID_INPUT', `Invalid allowlist: ${describeIssues(issues)}`, { issues });
  return { cidrs: entries.map((e) => e.trim()), ranges };
}

/**
 * Splits a stored allowlist into the entries this version accepts and those it refuses (a catch-all saved by an
 * older version): the refused ones are not honoured, and the caller removes them from the settings and says so.
 */
export function acceptedEntries(entries: readonly string[]): { kept: string[]; dropped: { entry: string; reason: string }[] } {
  const kept: string[] = [];
  const dropped: { entry: string; reason: string }[] = [];
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') dropped.push({ entry, reason: parsed });
    else kept.push(entry);
  }
  return { kept, dropped };
}

/** Accepts an already parsed allowlist or raw entries (validated here); undefined means off. */
export function toAllowlist(allowlist: Allowlist | readonly string[] | undefined): Allowlist {
  if (allowlist === undefined) return emptyAllowlist;
  return 'ranges' in allowlist ? allowlist : parseAllowlist(allowlist);
}

/** True when the address (or, for an IPv6 form that embeds one, its IPv4 address) lies in an allowlisted range. */
export function isAllowlisted(address: Address, allowlist: Allowlist, embedded?: ipaddr.IPv4): boolean {
  return allowlist.ranges.some(([network, bits]) => {
    if (network.kind() === address.kind()) return address.match(network, bits);
    return embedded !== undefined && network.kind() === 'ipv4' && embedded.match(network, bits);
  });
}
