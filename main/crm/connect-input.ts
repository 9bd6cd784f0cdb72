// What firm IT entered on the Configuration tab, checked before anything is sent: the LawRuler Client Root (one
// label; a pasted portal address is reduced to it), the SmartAdvocate Endpoint URL (host only; a pasted path is
// stripped), the "Advanced" API base URL (HTTPS, http only on this machine) and extra CA certificates (readable
// PEM). Every problem is an issue naming the field and what to enter instead; the notice says what was rewritten.
import { X509Certificate } from 'node:crypto';
import type { CrmConnectInput } from '../../shared/domain/crm';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import { normaliseSmartAdvocateBaseUrl, normaliseSmartAdvocateEndpoint, parseClientRoot, parseLawRulerBaseUrl } from '../connectors';
import type { CrmSettings, SecretValues } from './crm-fields';
import { secretFieldsOf } from './crm-fields';

export interface CheckedConnectInput {
  /** Non-secret settings as they will be used (extraCaPem handled apart: absent keeps the saved one). */
  settings: CrmSettings;
  /** Secret fields the user filled in (empty ones are left out: they keep the saved values). */
  secrets: SecretValues;
  /** undefined: keep the saved certificates; null: remove them; else the PEM blocks to trust. */
  extraCaPem: string | null | undefined;
  /** What was rewritten (a path stripped, a portal address reduced), for the form. */
  notice: string | null;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of "extra CA certificates" as PEM blocks, or an issue saying what is wrong with them. */
export function checkExtraCa(text: string): { pem: string } | { message: string } {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    return { message: 'has no certificate: paste the firm\'s CA certificate as PEM, from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----"' };
  }
  for (const [i, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch (error) {
      return { message: `certificate ${i + 1} of ${blocks.length} can't be read (${(error as Error).message}): paste the whole PEM block again` };
    }
  }
  return { pem: blocks.join('\n') };
}

const filled = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** Checks and normalises a connect input; throws INVALID_INPUT with `details.issues` naming each bad field. */
export function checkConnectInput(input: CrmConnectInput): CheckedConnectInput {
  const issues: FieldIssue[] = [];
  const notices: string[] = [];
  const settings: CrmSettings = { username: input.username.trim() };

  if (input.crm === 'lawruler') {
    const root = parseClientRoot(input.clientRoot);
    if (!root.ok) issues.push({ path: 'clientRoot', message: root.message });
    else {
      settings.clientRoot = root.value;
      if (root.value !== input.clientRoot.trim().toLowerCase()) {
        notices.push(`Client Root "${input.clientRoot.trim()}" was reduced to "${root.value}", the firm's subdomain (the part before .lawruler.com).`);
      }
    }
    if (filled(input.apiBaseUrl)) {
      const base = parseLawRulerBaseUrl(input.apiBaseUrl);
      if (!base.ok) issues.push({ path: 'apiBaseUrl', message: base.message });
      else settings.apiBaseUrl = base.value;
    }
  } else {
    const endpoint = normaliseSmartAdvocateEndpoint(input.endpointUrl);
    if (!endpoint.ok) issues.push({ path: 'endpointUrl', message: endpoint.message });
    else {
      settings.endpointUrl = endpoint.host;
      if (endpoint.stripped !== null) {
        notices.push(`"${endpoint.stripped}" was removed from the Endpoint URL: enter the host only (${endpoint.host}); the console adds /CaseSyncAPI itself.`);
      }
    }
    if (filled(input.apiBaseUrl)) {
      const base = normaliseSmartAdvocateBaseUrl(input.apiBaseUrl);
      if (!base.ok) issues.push({ path: 'apiBaseUrl', message: base.message });
      else settings.apiBaseUrl = base.apiBase;
    }
  }

  let extraCaPem: string | null | undefined;
  if (input.extraCaPem !== undefined) {
    if (input.extraCaPem.trim() === '') extraCaPem = null;
    else {
      const ca = checkExtraCa(input.extraCaPem);
      if ('message' in ca) issues.push({ path: 'extraCaPem', message: `The extra CA certificates field ${ca.message}.` });
      else extraCaPem = ca.pem;
    }
  }

  if (issues.length > 0) throw new AppError('INVALID_INPUT', `Check the connection details: ${describeIssues(issues)}`, { issues });
  const secrets: SecretValues = {};
  const entered = input as unknown as Record<string, string | undefined>;
  for (const field of secretFieldsOf(input.crm)) {
    const value = entered[field];
    if (filled(value)) secrets[field] = value;
  }
  return { settings, secrets, extraCaPem, notice: notices.length > 0 ? notices.join(' ') : null };
}
