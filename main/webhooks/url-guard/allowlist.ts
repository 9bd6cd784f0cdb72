// The internal-receivers allowlist: CIDRs (IPv4 and IPv6) whose addresses webhooks may reach despite the URL rules.
import ipaddr from 'ipaddr.js';
import { AppError, describeIssues, type FieldIssue } from '../../../shared/result';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A validated allowlist; `cidrs` keeps the entries as the user wrote them, for display next to the warning. */
export interface Allowlist {
  readonly cidrs: readonly string[];
  readonly ranges: readonly (readonly [Address, number])[];
}

export const emptyAllowlist: Allowlist = { cidrs: [], ranges: [] };

function parseEntry(entry: string): [Address, number] | string {
  const text = entry.trim();
  if (text === '') return 'is empty: write a range such as 10.20.0.0/16 or fd00:1::/64';
  // Only the canonical dotted-quad IPv4 form: "10.1/8" is valid to inet_aton but surely a typo here.
  if (ipaddr.IPv4.isValidCIDRFourPartDecimal(text) || ipaddr.IPv6.isValidCIDR(text)) return ipaddr.parseCIDR(text);
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return [ipaddr.IPv4.parse(text), 32];
  if (ipaddr.IPv6.isValid(text)) return [ipaddr.IPv6.parse(text), 128];
  return `"${entry}" is not a CIDR range: write an address and prefix length such as 10.20.0.0/16 or fd00:1::/64`;
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
