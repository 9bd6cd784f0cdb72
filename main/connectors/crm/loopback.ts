// Plain http is accepted for a CRM's address only when it can't leave this computer (a simulator): the same address
// classification the guarded agent uses (main/net), so both agree on what loopback is in every spelling.
import { bareHost, classifyAddress } from '../../net';

/** True for a URL's host name that can only be this computer: `localhost` and loopback addresses (IPv4, IPv6, mapped). */
export function isLoopbackHost(hostname: string): boolean {
  const host = bareHost(hostname.toLowerCase());
  if (host === 'localhost') return true;
  const verdict = classifyAddress(host);
  return !verdict.allowed && verdict.rule === 'loopback';
}
