// What the destination URL field says as the user types: the local https:// rule at once, then — once the URL is
// complete and the user pauses — the engine's own verdict (webhooks.checkUrl) on the addresses it resolves to.

export interface DestinationCheck {
  ok: boolean;
  rule: string | null;
  message: string | null;
  addresses: string[];
  allowlisted: boolean;
}

export type DestinationStatus =
  | { kind: 'empty' }
  /** On its way to a full https:// URL: nothing to say yet. */
  | { kind: 'typing' }
  | { kind: 'invalid'; message: string }
  | { kind: 'checking' }
  | { kind: 'refused'; message: string }
  | { kind: 'ok'; addresses: string[]; allowlisted: boolean };

/** True when the URL is complete enough for the engine to judge (https, parsable, with a host). */
export function isCheckable(url: string): boolean {
  const trimmed = url.trim();
  if (!/^https:\/\//i.test(trimmed)) return false;
  try {
    return new URL(trimmed).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The field's status for `url`, given the local rule's message (if broken) and the engine's verdict on
 * `checked.url` (which may lag behind what is typed).
 */
export function destinationStatus(url: string, localIssue: string | undefined, checked: { url: string; result: DestinationCheck } | undefined): DestinationStatus {
  const trimmed = url.trim();
  if (trimmed === '') return { kind: 'empty' };
  // While the scheme itself is being typed ("htt"), its rule is not broken yet.
  if (localIssue && !'https://'.startsWith(trimmed.toLowerCase())) return { kind: 'invalid', message: localIssue };
  if (!isCheckable(trimmed)) return { kind: 'typing' };
  if (!checked || checked.url !== trimmed) return { kind: 'checking' };
  const { result } = checked;
  if (!result.ok) return { kind: 'refused', message: result.message ?? `Refused by the URL rules (${result.rule ?? 'unknown rule'})` };
  return { kind: 'ok', addresses: result.addresses, allowlisted: result.allowlisted };
}
