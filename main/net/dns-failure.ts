// What a failed name look-up means in plain words. "Not found" and "DNS unreachable" call for different fixes
// (the spelling versus this computer's network), so they are told apart wherever the resolver's code allows it.

/** Codes meaning the resolver answered: the name has no address. */
const NOT_FOUND_CODES = new Set(['ENOTFOUND', 'EAI_NONAME', 'ENODATA', 'NXDOMAIN']);
/** Codes meaning no answer came: the DNS server could not be reached, timed out or failed. */
const UNREACHABLE_CODES = new Set(['EAI_AGAIN', 'ESERVFAIL', 'ETIMEOUT', 'ECONNREFUSED', 'EAI_FAIL', 'ETIMEDOUT']);

export type DnsFailureKind = 'not_found' | 'unreachable' | 'unknown';

/** Which kind of look-up failure a resolver error code stands for. */
export function dnsFailureKind(code: unknown): DnsFailureKind {
  if (typeof code !== 'string') return 'unknown';
  if (NOT_FOUND_CODES.has(code)) return 'not_found';
  if (UNREACHABLE_CODES.has(code)) return 'unreachable';
  return 'unknown';
}

/** One or two sentences on a failed look-up of `host`: what happened, then what to check. */
export function dnsFailureWords(host: string, code: unknown): string {
  switch (dnsFailureKind(code)) {
    case 'not_found':
      // getaddrinfo also says ENOTFOUND on some systems when no DNS server answers, so the network is named too.
      return `No address was found for ${host}. Check the host name's spelling; if it is right, this computer's DNS may be unreachable (no network connection, VPN or proxy down).`;
    case 'unreachable':
      return `The DNS server did not answer, so ${host} could not be looked up. The host name may well be right: check this computer's network connection and DNS settings, then try again.`;
    default:
      return `${host} could not be looked up in DNS. Check the host name, then this computer's network connection.`;
  }
}
