// The error a webhook connection fails with when its host resolves to an address the URL rules refuse.
import type { BlockedRule } from './classify-address';

/** The wording shared by the save-time check and the connect-time guard. */
export const blockedMessage = (host: string, address: string, description: string) =>
  `${host} resolves to ${address}, ${description}: webhooks go only to public addresses ` +
  `(add the range to the internal-receivers allowlist if this receiver is yours)`;

/** Raised before any byte is sent to a refused address; `address` is what the delivery log records as resolved IP. */
export class BlockedAddressError extends Error {
  readonly code = 'KAYSE_BLOCKED_ADDRESS';
  /** The delivery log's error class for this failure. */
  readonly errorClass = 'blocked_address';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly rule: BlockedRule,
    description: string,
  ) {
    super(blockedMessage(host, address, description));
    this.name = 'BlockedAddressError';
  }
}

/** Finds a BlockedAddressError in an error or its `cause` chain (fetch wraps connect errors in a TypeError). */
export function findBlockedAddressError(err: unknown): BlockedAddressError | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof BlockedAddressError) return current;
    current = current.cause;
  }
  return undefined;
}
