// What a Test connection says about the connection as a whole: who we are signed in as, and, when signing in
// failed, which Error state that is (credentials refused, CRM unreachable, …) with since when. A check failed by a
// typed CRM error carries its kind; the words (connectors/*/connection-checks.ts) only tell a certificate problem
// apart from other unreachable servers, and classify a failure that was not a typed error.
import type { CrmCheck } from '../connectors';
import type { ConnectionError } from './connection-store';

export const ERROR_KINDS = {
  auth: 'Credentials refused',
  unavailable: 'CRM unreachable',
  certificate: 'Certificate not trusted',
  missing_credentials: 'Credentials missing from the keychain',
  failed: 'Signing in failed',
} as const;
export type ConnectionErrorKind = keyof typeof ERROR_KINDS;

/** The sign-in check of a Test connection (each connector's first check is "Signed in"). */
export const signInCheck = (checks: readonly CrmCheck[]): CrmCheck | undefined => checks.find((c) => /signed in/i.test(c.name)) ?? checks[0];

/** Who the CRM said we are: "as jane@firm.com on …" / "as kayse-sync (SmartAdvocate user 677) at …". */
export function signedInAs(check: CrmCheck | undefined, fallback: string): string {
  const found = check?.ok ? /^as (.+?)(?: on | at | \(|$)/.exec(check.detail)?.[1]?.trim() : undefined;
  return found || fallback;
}

const AUTH = /refused the (credentials|user name or password)|check the (user name and password|username, password)|wrong password|password is case-sensitive/i;
const CERTIFICATE = /certificate/i;
const UNREACHABLE = /could not be reached|unreachable|no answer in time|connection refused|host name not found|closed before an answer|server error|HTTP 5\d\d|failed to sign in|private network|allowlist/i;

/** The Error state a failed sign-in check stands for. */
export function errorKindOf(check: CrmCheck): ConnectionErrorKind {
  const text = `${check.detail}\n${check.fix ?? ''}`;
  if (check.errorKind === 'auth') return 'auth';
  if (check.errorKind === 'unavailable' || check.errorKind === 'unknown_outcome') return CERTIFICATE.test(text) ? 'certificate' : 'unavailable';
  if (AUTH.test(text)) return 'auth';
  if (CERTIFICATE.test(text)) return 'certificate';
  if (UNREACHABLE.test(text)) return 'unavailable';
  return 'failed';
}

/** The Error state after a test: none when signing in worked; `since` kept while the same kind persists. */
export function nextError(previous: ConnectionError | null, signIn: CrmCheck | undefined, at: string, known?: ConnectionErrorKind): ConnectionError | null {
  if (signIn?.ok) return null;
  const kind: ConnectionErrorKind = known ?? (signIn ? errorKindOf(signIn) : 'failed');
  return { kind, message: signIn?.detail ?? 'The CRM gave no answer to signing in.', since: previous?.kind === kind ? previous.since : at };
}

/** The check that stands in for signing in when saved credentials are missing from the keychain. */
export function missingCredentialsCheck(fields: readonly string[]): CrmCheck {
  return {
    name: 'Signed in',
    ok: false,
    detail: `The saved ${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} no longer in the keychain.`,
    fix: 'Enter the credentials again and Connect.',
  };
}
