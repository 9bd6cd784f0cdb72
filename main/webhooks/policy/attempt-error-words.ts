// Plain words for why an attempt got no usable answer, chosen by the error's code: what happened and what to check.
// The raw error stays beside them as the technical detail (shared/domain/attempt-message.ts).
import { dnsFailureWords } from '../../net';
import type { DeliveryErrorClass } from '../../../shared/domain/webhooks';

/** The parts of the error the words are chosen from (Node sets hostname, address and port on network errors). */
export interface ErrorFacts {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** "127.0.0.1:8444" when the error says where it tried, else null. */
function where(facts: ErrorFacts): string | null {
  const address = text(facts.address);
  if (!address) return null;
  const port = typeof facts.port === 'number' || typeof facts.port === 'string' ? `:${facts.port}` : '';
  return address.includes(':') && port ? `[${address}]${port}` : `${address}${port}`;
}

/** The host a failed look-up was for: Node's `hostname`, or the last word of "getaddrinfo ENOTFOUND host". */
function lookedUpHost(facts: ErrorFacts): string {
  const named = text(facts.hostname);
  if (named) return named;
  const match = /getaddrinfo \S+ (\S+)/.exec(text(facts.message) ?? '');
  return match?.[1] ?? "the receiver's host name";
}

function timeoutWords(facts: ErrorFacts, limitSeconds: number): string {
  if (facts.code === 'UND_ERR_CONNECT_TIMEOUT') {
    return 'The receiver did not accept the connection in time: it may be down, or a firewall may be dropping requests without answering.';
  }
  return `The receiver did not answer within ${limitSeconds} s. It may be down or overloaded, or doing its work before it answers: receivers should answer 2xx first and process afterwards.`;
}

function connectWords(facts: ErrorFacts): string {
  const target = where(facts);
  switch (facts.code) {
    case 'ECONNREFUSED':
      return `The receiver refused the connection: nothing is listening at ${target ?? 'that address and port'}, or a firewall turned the request away. Check that the receiver is running and that the URL's port is right.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `This computer has no route to ${target ?? "the receiver's network"}: check the network connection, VPN or proxy.`;
    case 'ECONNRESET':
    case 'ECONNABORTED':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'The connection was cut before the receiver answered: the receiver or a proxy in between closed it. Check the receiver’s logs.';
    default:
      return 'The connection to the receiver failed before any answer came.';
  }
}

const UNTRUSTED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);

function tlsWords(facts: ErrorFacts): string {
  const code = text(facts.code) ?? '';
  if (code === 'CERT_HAS_EXPIRED') return 'The receiver’s TLS certificate has expired: it must be renewed on the receiver.';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
    return 'The receiver’s TLS certificate is for a different host name than the one in the URL: check the URL, or the certificate on the receiver.';
  }
  if (UNTRUSTED.has(code)) {
    return 'The receiver’s TLS certificate is not signed by an authority this console trusts. If it comes from your firm’s own CA, add that CA under Webhooks → Settings → Extra trusted CA certificates.';
  }
  return 'The secure (TLS) connection to the receiver failed: check that the URL points at an HTTPS server on that port.';
}

/** Plain words for a failed attempt without a response, or null when the error's own message already is plain. */
export function attemptErrorWords(errorClass: DeliveryErrorClass, facts: ErrorFacts, limitSeconds: number): string | null {
  switch (errorClass) {
    case 'dns':
      return dnsFailureWords(lookedUpHost(facts), facts.code);
    case 'timeout':
      return timeoutWords(facts, limitSeconds);
    case 'connect':
      return connectWords(facts);
    case 'tls':
      return tlsWords(facts);
    default:
      // A blocked address's message is written for people already (main/net blockedMessage).
      return null;
  }
}
