// "Test connection" for LawRuler: signed in (the Advanced API's token), can read (a Classic GetStatus with the Key),
// can load fields and statuses. Each failed check says what to do, from the kind of failure: refused credentials,
// an unknown Client Root, a host that can't be reached, a certificate the console doesn't trust.
import { isCrmError } from '../crm/errors';
import type { CrmCatalog, CrmCheck } from '../crm/types';

export interface ConnectionProbes {
  username: string;
  clientRoot: string;
  signIn(): Promise<Date>;
  /** A lead id to read (the first the listing knows), or null when there is none or it can't be listed. */
  someLeadId(): Promise<string | null>;
  getStatus(leadId: string): Promise<unknown>;
  loadCatalog(): Promise<CrmCatalog>;
}

/** What to do about a failure, by its kind; `credentials` names what that check sends. */
export function fixFor(error: unknown, clientRoot: string, credentials: string): string {
  if (isCrmError(error, 'auth')) {
    const status = error.crmDetails.status;
    if (status === 403) return 'The API user is signed in but not permitted to do this: ask LawRuler support to enable API access for it.';
    return `Check the ${credentials}: LawRuler refused them (a wrong password, or a Key or Client Secret from another portal).`;
  }
  if (isCrmError(error, 'not_found')) return `Client Root not found: check "${clientRoot}" is the firm's LawRuler subdomain (the part before .lawruler.com).`;
  if (isCrmError(error, 'rate_limited')) return `LawRuler is limiting requests: try again in ${Math.ceil((error.crmDetails.retryAfterMs ?? 60_000) / 1000)} s.`;
  if (isCrmError(error, 'unavailable', 'unknown_outcome')) {
    const reason = error.crmDetails.crmMessage ?? '';
    if (/certificate|CERT|TLS/i.test(reason)) return "The certificate is not trusted: add the firm's CA certificate to the console's extra trusted CA certificates (a firewall or proxy that inspects HTTPS signs with it).";
    if (/host name not found|refused|blocked|allowlist/i.test(reason)) return `Host unreachable: check the Client Root "${clientRoot}", the API base URL, and that this computer can reach LawRuler (proxy, firewall, allowlist).`;
    return 'LawRuler could not be reached or failed: check the network and try again; if it persists, LawRuler may be down.';
  }
  if (isCrmError(error, 'bad_response')) return `LawRuler answered in a shape the console does not know (at ${error.crmDetails.path ?? 'the body'}): check the API base URL, then report it with the console's log.`;
  return 'Try again; if it persists, report it with the console\'s log.';
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What a failed check says: the reason, and the error's kind when it is a typed CRM error. */
const failure = (error: unknown) => ({ detail: reason(error), ...(isCrmError(error) ? { errorKind: error.crmDetails.kind } : {}) });

/** Runs every check; a failed one is a line, never a throw. */
export async function runConnectionChecks(probes: ConnectionProbes): Promise<CrmCheck[]> {
  const checks: CrmCheck[] = [];
  try {
    await probes.signIn();
    checks.push({ name: 'Signed in', ok: true, detail: `as ${probes.username} on ${probes.clientRoot}.lawruler.com` });
  } catch (error) {
    checks.push({ name: 'Signed in', ok: false, ...failure(error), fix: fixFor(error, probes.clientRoot, 'Username, Password, Client Secret and Key') });
  }

  const leadId = checks[0]!.ok ? await probes.someLeadId().catch(() => null) : null;
  const probeId = leadId ?? '1';
  try {
    await probes.getStatus(probeId);
    checks.push({ name: 'Can read records', ok: true, detail: `read lead ${probeId} with the Key` });
  } catch (error) {
    // An empty portal has no lead to read: "no such lead" still proves the Key was accepted.
    if (leadId === null && isCrmError(error, 'not_found') && error.crmDetails.status !== 404) {
      checks.push({ name: 'Can read records', ok: true, detail: 'the Key was accepted (the portal has no lead to read yet)' });
    } else {
      checks.push({ name: 'Can read records', ok: false, ...failure(error), fix: fixFor(error, probes.clientRoot, 'Key') });
    }
  }

  try {
    const catalog = await probes.loadCatalog();
    checks.push({
      name: 'Can load fields and statuses',
      ok: true,
      detail: `${catalog.caseTypes.length} case types, ${catalog.fields.length} custom fields, ${catalog.statuses.length} statuses`,
    });
  } catch (error) {
    checks.push({ name: 'Can load fields and statuses', ok: false, ...failure(error), fix: fixFor(error, probes.clientRoot, 'Username, Password, Client Secret and Key') });
  }
  return checks;
}
