// A connection as the Configuration tab and the Integrations card see it: its state (Not connected / Connected /
// Error / Paused), what was entered without secrets (secret fields only named, as "saved"), who we are signed in
// as, the Error's kind and since when, the last test and the toggles.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import { DEFAULT_CRM_TOGGLES, type CrmConnectionView } from '../../shared/domain/crm';
import type { IntegrationCardState } from '../../shared/domain/integrations';
import { secretFieldsOf } from './crm-fields';
import type { ConnectionRow } from './connection-store';
import { ERROR_KINDS, type ConnectionErrorKind } from './sign-in-state';

/** True when the row is a live connection: connected, and (for a demo) its in-memory credentials still held. */
export const isConnected = (row: ConnectionRow | null, demoHeld: boolean): boolean =>
  row !== null && row.connectedAt !== null && (!row.isDemo || demoHeld);

const certificates = (pem: string) => {
  const n = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
  return `${n} ${n === 1 ? 'certificate' : 'certificates'}`;
};

/** The entered settings to show: the extra CA as a count ("2 certificates"), never the secrets. */
function visibleSettings(row: ConnectionRow): Record<string, string> {
  const { extraCaPem, ...rest } = row.settings;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) if (typeof value === 'string' && value !== '') out[key] = value;
  if (extraCaPem) out.extraCa = certificates(extraCaPem);
  return out;
}

export function connectionView(crm: CrmConnectorId, row: ConnectionRow | null, demoHeld: boolean): CrmConnectionView {
  if (row === null) {
    return {
      crm,
      state: 'not_connected',
      demo: false,
      connectedAs: null,
      connectedAt: null,
      settings: {},
      savedSecrets: [],
      normalisedNotice: null,
      error: null,
      lastTest: null,
      toggles: { ...DEFAULT_CRM_TOGGLES },
    };
  }
  const connected = isConnected(row, demoHeld);
  const state = !connected ? 'not_connected' : row.error ? 'error' : row.toggles.enabled ? 'connected' : 'paused';
  return {
    crm,
    state,
    demo: connected && row.isDemo,
    connectedAs: connected ? row.connectedAs : null,
    connectedAt: connected ? row.connectedAt : null,
    settings: visibleSettings(row),
    savedSecrets: row.isDemo ? (demoHeld ? [...secretFieldsOf(crm)] : []) : Object.keys(row.secretRefs),
    normalisedNotice: row.normalisedNotice,
    error: connected ? row.error : null,
    lastTest: row.lastTest,
    toggles: row.toggles,
  };
}

/** "2026-05-01 14:03 UTC": short enough for a card line. */
const shortTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

const errorLabel = (kind: string): string => (Object.hasOwn(ERROR_KINDS, kind) ? ERROR_KINDS[kind as ConnectionErrorKind] : 'Error');

/** The card of Settings → Integrations for one CRM. */
export function crmCardState(view: CrmConnectionView): IntegrationCardState {
  const as = view.connectedAs ? `as ${view.connectedAs}` : 'connected';
  const demo = view.demo ? ' · Demo' : '';
  switch (view.state) {
    case 'not_connected':
      return { status: 'not_connected', statusDetail: null };
    case 'error':
      return { status: 'error', statusDetail: view.error ? `${errorLabel(view.error.kind)} since ${shortTime(view.error.since)}` : 'Error' };
    case 'paused':
      return { status: 'paused', statusDetail: `Paused: Enable integration is off · ${as}${demo}` };
    case 'connected':
      return { status: 'connected', statusDetail: `${as}${demo}` };
  }
}
