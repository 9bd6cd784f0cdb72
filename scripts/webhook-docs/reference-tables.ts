// The delivery log's error classes and the destination URL rules, listed from the code's own enumerations.
import { DELIVERY_ERROR_CLASSES, type DeliveryErrorClass } from '../../shared/domain/webhooks';
import { ATTEMPT_TIMEOUT_MS } from '../../main/webhooks/policy/attempt-outcome';
import type { DestinationRule } from '../../main/net/check-destination';
import { BLOCKED_RULES, type BlockedRule } from '../../main/net/classify-address';
import { code, table } from './markdown';

const ERROR_CLASS_NOTES: Record<DeliveryErrorClass, string> = {
  timeout: `No complete answer within ${ATTEMPT_TIMEOUT_MS / 1000} s (connect + response), or a 2xx that came later than that.`,
  dns: 'The host name could not be looked up: no address was found for it, or the DNS server did not answer (the message says which).',
  connect: 'The connection was refused, reset or unreachable (and any other error that says nothing more specific).',
  tls: 'The TLS handshake failed: an untrusted, expired or self-signed certificate, or one for another host name.',
  http_status: 'The receiver answered with a status other than 2xx or 3xx (the status is logged).',
  redirect: 'The receiver answered 3xx. Redirects are never followed: update the URL to the final one.',
  blocked_address: 'The host resolved to an address the URL rules refuse (checked on the address actually dialled).',
};

/** The error classes a failed attempt is filed under, in the code's order. */
export const errorClassTable = (): string => table(['error class', 'meaning'], DELIVERY_ERROR_CLASSES.map((c) => [code(c), ERROR_CLASS_NOTES[c]]));

const URL_RULE_NOTES: Record<Exclude<DestinationRule, BlockedRule>, string> = {
  invalid_url: 'not a full URL (write one such as https://hooks.example.com/kayse)',
  https_only: 'not https:// (webhooks are only sent over HTTPS)',
  credentials: 'a user name or password in the URL (authenticate with the signature or an App Key instead)',
  unresolvable: 'the host name does not resolve (checked when saving)',
};

/** Every rule a destination URL can break, with the name the refusal carries (`rule`). */
export function urlRuleTable(): string {
  const rows = [
    ...Object.entries(URL_RULE_NOTES).map(([rule, note]) => [code(rule), note]),
    ...Object.entries(BLOCKED_RULES).map(([rule, words]) => [
      code(rule),
      rule === 'invalid' ? 'the resolver answered with something that is not an IP address' : `the host resolves to ${words}`,
    ]),
  ];
  return table(['rule', 'refused when'], rows);
}
