// Name resolution as an injectable function, so tests can make any name resolve to any address.
import { promises as dns } from 'node:dns';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (the same answer the connection will choose from). */
export type Lookup = (host: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver (getaddrinfo), all addresses. */
export const systemLookup: Lookup = async (host) => {
  const answers = await dns.lookup(host, { all: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** A host as the URL parser gives it, without the brackets around an IPv6 literal. */
export const bareHost = (hostname: string) =>
  hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
