// What the credentials form holds, from the saved connection (secrets never come back: they start empty) to the
// input of crm.connect (an empty secret is left out, which keeps the saved one).
import type { CrmConnectInput, CrmConnectionView } from '../../../../shared/domain/crm';
import type { CrmConnectorId } from '../../../../shared/domain/connectors';

export const LAWRULER_FIELDS = ['username', 'password', 'clientRoot', 'clientSecret', 'key', 'apiBaseUrl'] as const;
export const SMARTADVOCATE_FIELDS = ['endpointUrl', 'username', 'password', 'apiBaseUrl', 'extraCaPem'] as const;
export type CredentialField = (typeof LAWRULER_FIELDS)[number] | (typeof SMARTADVOCATE_FIELDS)[number];

/** Fields whose saved value stays in the keychain and is never shown back. */
export const SECRET_FIELDS: readonly CredentialField[] = ['password', 'clientSecret', 'key'];

export const fieldsOf = (crm: CrmConnectorId): readonly CredentialField[] => (crm === 'lawruler' ? LAWRULER_FIELDS : SMARTADVOCATE_FIELDS);

/** Every field as text; `extraCaPem` is a change to the saved CA (see `CaChange`), not the saved value. */
export type CredentialsDraft = Record<Exclude<CredentialField, 'extraCaPem'>, string>;

/** The firm's CA for a self-hosted SmartAdvocate: keep what is saved, replace it, or remove it. */
export type CaChange = { kind: 'keep' } | { kind: 'set'; pem: string; from: string } | { kind: 'remove' };
export const KEEP_CA: CaChange = { kind: 'keep' };

/** The form's starting values: what was saved, without secrets. */
export function draftOf(view: Pick<CrmConnectionView, 'settings'>): CredentialsDraft {
  const s = view.settings;
  return {
    username: s.username ?? '',
    clientRoot: s.clientRoot ?? '',
    endpointUrl: s.endpointUrl ?? '',
    apiBaseUrl: s.apiBaseUrl ?? '',
    password: '',
    clientSecret: '',
    key: '',
  };
}

/** An optional secret: left out when empty, so the saved one is kept. */
const secret = (value: string) => (value === '' ? undefined : value);

/** The input of crm.connect for this CRM. */
export function connectInputOf(crm: CrmConnectorId, draft: CredentialsDraft, ca: CaChange = KEEP_CA): CrmConnectInput {
  const apiBaseUrl = draft.apiBaseUrl.trim();
  if (crm === 'lawruler') {
    return {
      crm,
      username: draft.username.trim(),
      password: secret(draft.password),
      clientRoot: draft.clientRoot.trim(),
      clientSecret: secret(draft.clientSecret),
      key: secret(draft.key),
      apiBaseUrl,
    };
  }
  return {
    crm,
    endpointUrl: draft.endpointUrl.trim(),
    username: draft.username.trim(),
    password: secret(draft.password),
    apiBaseUrl,
    ...(ca.kind === 'set' ? { extraCaPem: ca.pem } : ca.kind === 'remove' ? { extraCaPem: '' } : {}),
  };
}

/** Whether a PEM text holds at least one certificate (checked before sending; the core parses it). */
export const looksLikePem = (text: string) => /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text);

/** Whether `url` is one the core will take as API base URL: HTTPS, or http on this machine only. Empty is fine. */
export function apiBaseUrlIssue(url: string): string | undefined {
  const value = url.trim();
  if (value === '') return undefined;
  // A bare host means HTTPS, as the core reads it.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return 'Enter a web address, e.g. https://api.example.com';
  }
  if (parsed.protocol === 'https:') return undefined;
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(parsed.hostname);
  if (parsed.protocol === 'http:' && loopback) return undefined;
  return 'Use https:// (plain http is accepted only for this machine: localhost, 127.0.0.1)';
}

const REQUIRED: Record<CrmConnectorId, readonly (keyof CredentialsDraft)[]> = {
  lawruler: ['username', 'password', 'clientRoot', 'clientSecret', 'key'],
  smartadvocate: ['endpointUrl', 'username', 'password'],
};

const LABELS: Record<keyof CredentialsDraft, string> = {
  username: 'Username',
  password: 'Password',
  clientRoot: 'Client Root',
  clientSecret: 'Client Secret',
  key: 'Key',
  endpointUrl: 'Endpoint URL',
  apiBaseUrl: 'API base URL',
};

/** What must be fixed before sending: empty required fields (a secret is required only while none is saved). */
export function draftIssues(crm: CrmConnectorId, draft: CredentialsDraft, saved: ReadonlySet<string>): Partial<Record<CredentialField, string>> {
  const issues: Partial<Record<CredentialField, string>> = {};
  for (const field of REQUIRED[crm]) {
    const empty = draft[field].trim() === '';
    if (empty && !(SECRET_FIELDS.includes(field) && saved.has(field))) issues[field] = `Enter the ${LABELS[field]}`;
  }
  const base = apiBaseUrlIssue(draft.apiBaseUrl);
  if (base) issues.apiBaseUrl = base;
  return issues;
}
