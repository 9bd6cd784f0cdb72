// "Test connection" for SmartAdvocate: signed in (as whom), can read cases, can load fields and statuses. Each
// failed check says what went wrong in the CRM's words and what the user can do (wrong password, host
// unreachable, certificate not trusted → add the firm's CA, the integration user lacks a permission). There is no
// harmless write to try, so none is. Checks after a failed sign-in are reported as not run.
import type { Clock } from '../../kernel';
import { findBlockedAddressError } from '../../net';
import { CrmError } from '../crm/errors';
import type { CrmCatalog, CrmCheck } from '../crm/types';
import type { AssumedEndpoints } from './assumed-endpoints';
import { BEGINNING_ISO } from './list-changed';
import type { Session } from './session';

export interface ConnectionTestDeps {
  session: Session;
  api: Pick<AssumedEndpoints, 'casePage'>;
  loadCatalog(): Promise<CrmCatalog>;
  clock: Clock;
  /** Where requests go, for messages. */
  apiBase: string;
}

export const CHECK_NAMES = { signIn: 'Signed in', read: 'Can read cases', catalog: 'Can load fields and statuses' } as const;

export async function testConnection(deps: ConnectionTestDeps): Promise<CrmCheck[]> {
  const signIn = await check(CHECK_NAMES.signIn, deps, async () => {
    const who = await deps.session.signIn();
    return `as ${who.username} (SmartAdvocate user ${who.userID}) at ${deps.apiBase}`;
  });
  if (!signIn.ok) {
    const skipped = (name: string): CrmCheck => ({ name, ok: false, detail: 'Not checked: signing in failed.', fix: 'Fix the sign-in first, then test again.' });
    return [signIn, skipped(CHECK_NAMES.read), skipped(CHECK_NAMES.catalog)];
  }
  const read = await check(CHECK_NAMES.read, deps, async () => {
    const toIso = new Date(deps.clock.now().getTime() + 60_000).toISOString();
    const page = await deps.api.casePage({ fromIso: BEGINNING_ISO, toIso, currentPage: 0, pageSize: 1 });
    return `${page.totalCount.toLocaleString('en-US')} cases visible to this user`;
  });
  const catalog = await check(CHECK_NAMES.catalog, deps, async () => {
    const c = await deps.loadCatalog();
    return `${c.caseTypes.length} case types, ${c.fields.length} UDFs, ${c.statuses.length} statuses, ${c.substatusTypes.length} secondary status types`;
  });
  return [signIn, read, catalog];
}

async function check(name: string, deps: ConnectionTestDeps, run: () => Promise<string>): Promise<CrmCheck> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    return { name, ok: false, detail: error.message, fix: fixFor(error, deps.apiBase), errorKind: error.crmDetails.kind };
  }
}

/** What the user can do about a failed check. */
export function fixFor(error: CrmError, apiBase: string): string {
  const { kind, status, part, retryAfterMs } = error.crmDetails;
  switch (kind) {
    case 'auth':
      return "Check the user name and password: they are a SmartAdvocate user's own (the password is case-sensitive), and that user must be active.";
    case 'rejected':
      return status === 403
        ? `The integration user lacks a permission${part ? ` (to read ${part})` : ''}: ask a SmartAdvocate administrator to let it read cases, UDFs and status setup.`
        : 'SmartAdvocate refused the request: check the integration user and its permissions in SmartAdvocate.';
    case 'rate_limited':
      return `SmartAdvocate is limiting requests: test again in ${Math.ceil((retryAfterMs ?? 60_000) / 1000)} s.`;
    case 'bad_response':
    case 'not_found':
      return `${apiBase} did not answer like SmartAdvocate's CaseSync API: check the SmartAdvocate address (the host only, such as https://app.smartadvocate.com), or the API base URL under Advanced.`;
    case 'unavailable':
    case 'unknown_outcome':
      return unreachableFix(error, status);
  }
}

function unreachableFix(error: CrmError, status: number | undefined): string {
  if (status !== undefined) return `SmartAdvocate answered with a server error (HTTP ${status}): test again later; if it persists, ask the firm's SmartAdvocate administrator or SmartAdvocate support.`;
  if (findBlockedAddressError(error)) {
    return "The SmartAdvocate host resolves to an address on a private network, which the console doesn't call unless allowed: add the server's range to the allowlist of internal addresses.";
  }
  const codes = causeCodes(error);
  if (codes.some((c) => /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ALTNAME/.test(c))) {
    return "SmartAdvocate's certificate is not trusted by this computer: add the firm's CA certificate (PEM) under Advanced in this tab, then test again.";
  }
  if (codes.some((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN')) return 'The host name was not found: check the SmartAdvocate address (the host only, such as https://app.smartadvocate.com).';
  return 'The SmartAdvocate host could not be reached: check the address, and that this computer can reach it (VPN, firewall, proxy).';
}

/** Error codes along the cause chain (undici wraps the socket's error). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}
