// Guarded outbound HTTP for every capability that calls out (webhooks, CRM connectors, scheduling): where a
// request may go (address classification, the firm's allowlist, checked again at dial time), the undici agent
// that dials only there and trusts the firm's extra CAs, Retry-After, and per-endpoint circuit breakers.
export { parseAllowlist, acceptedEntries, toAllowlist, emptyAllowlist, WIDEST_PREFIX, type Allowlist } from './allowlist';
export { classifyAddress, BLOCKED_RULES, type AddressVerdict, type BlockedRule } from './classify-address';
export { checkDestination, type DestinationCheck, type DestinationOptions, type DestinationRule } from './check-destination';
export { BlockedAddressError, findBlockedAddressError, blockedMessage } from './blocked-address-error';
export { createGuardedAgent, type GuardedAgent, type GuardedAgentOptions, type Dial } from './guarded-agent';
export { dnsFailureKind, dnsFailureWords, type DnsFailureKind } from './dns-failure';
export { systemLookup, bareHost, type Lookup, type ResolvedAddress } from './lookup';
export { parseRetryAfter, parseHttpDate } from './retry-after';
export { createCircuitBreakers, DEFAULT_BREAKER, type BreakerOptions, type CircuitBreakers } from './circuit-breaker';
export { requestCapped, AnswerTooLarge, type CappedAnswer, type CappedRequest } from './capped-request';
