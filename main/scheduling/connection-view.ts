// The connection as the screens see it (scheduling.connection) and the Scheduling card of Settings → Integrations.
import type { IntegrationCardState } from '../../shared/domain/integrations';
import type { SchedulingConnection } from '../../shared/domain/scheduling';
import type { ConnectionRow } from './connection-store';

/** The zone's canonical name, so that an alias (US/Eastern) doesn't count as a different timezone. */
const canonicalZone = (zone: string): string => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
};

const DEMO_KEY_LOST = 'The demo Cal.com simulator ended with the previous run: start demo mode again, or connect your own key.';

/** `demoKeyHeld`: a demo connection outlives its in-memory key when the console restarts. */
export function connectionView(row: ConnectionRow | null, companyTimeZone: string, demoKeyHeld: boolean): SchedulingConnection {
  if (!row) return { state: 'not_connected', companyTimeZone };
  const fields = {
    account: row.account,
    baseUrl: row.baseUrl,
    connectedAt: row.connectedAt,
    isDemo: row.isDemo,
    companyTimeZone,
    timezoneDiffers: canonicalZone(row.account.timeZone) !== canonicalZone(companyTimeZone),
  };
  if (row.error) return { state: 'error', ...fields, kind: row.error.kind, message: row.error.message, since: row.error.since };
  if (row.isDemo && !demoKeyHeld) return { state: 'error', ...fields, kind: 'key_missing', message: DEMO_KEY_LOST, since: row.connectedAt };
  return { state: 'connected', ...fields };
}

/** The Scheduling card: Connected (as whom, where, Demo), Not connected, or Error with what is wrong. */
export function schedulingCardState(view: SchedulingConnection): IntegrationCardState {
  if (view.state === 'not_connected') return { status: 'not_connected', statusDetail: null };
  if (view.state === 'error') return { status: 'error', statusDetail: view.message };
  const host = new URL(view.baseUrl).host;
  const parts = [`Cal.com · ${view.account.email}`, host === 'api.cal.com' ? null : host, view.isDemo ? 'Demo' : null];
  const detail = parts.filter((p) => p !== null).join(' · ');
  return { status: 'connected', statusDetail: view.timezoneDiffers ? `${detail} · account timezone ${view.account.timeZone} differs from the company's` : detail };
}
