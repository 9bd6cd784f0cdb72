// What each CRM's connection is made of: which fields are secrets (keychain only, under the account names here)
// and how each is named on screen, in messages that tell the user what to enter.
import type { CrmConnectorId } from '../../shared/domain/connectors';

export const SECRET_FIELDS = {
  lawruler: ['password', 'clientSecret', 'key'],
  smartadvocate: ['password'],
} as const satisfies Record<CrmConnectorId, readonly string[]>;

export type SecretField = (typeof SECRET_FIELDS)[CrmConnectorId][number];

/** How each entered field is called on the Configuration tab. */
export const FIELD_LABELS: Record<string, string> = {
  username: 'Username',
  password: 'Password',
  clientRoot: 'Client Root',
  clientSecret: 'Client Secret',
  key: 'Key',
  endpointUrl: 'Endpoint URL',
  apiBaseUrl: 'API base URL',
  extraCaPem: 'extra CA certificates',
};

/** The keychain account of one secret field: `crm.lawruler.password`. SQLite keeps this name, never the value. */
export const secretAccount = (crm: CrmConnectorId, field: string): string => `crm.${crm}.${field}`;

export const secretFieldsOf = (crm: CrmConnectorId): readonly string[] => SECRET_FIELDS[crm];

/** Non-secret settings kept in crm_connections.settings. */
export interface CrmSettings {
  username: string;
  /** LawRuler: the portal's subdomain label. */
  clientRoot?: string;
  /** SmartAdvocate: the host only (scheme, host, port). */
  endpointUrl?: string;
  /** "Advanced: API base URL", normalised; absent = the CRM's own address. */
  apiBaseUrl?: string;
  /** "Advanced: extra trusted CA certificates", PEM blocks. */
  extraCaPem?: string;
}

/** Secret values by field name (password, clientSecret, key). */
export type SecretValues = Partial<Record<string, string>>;
