// Demo mode's connections: the CRM simulators it starts on this computer, connected like a real CRM (the same
// checks, catalog and card, marked Demo) with their credentials in memory only (nothing in the keychain; gone when
// the console stops). Demo data never reaches a real CRM: only a loopback address is accepted, and a real
// connection is never replaced or ended by demo mode.
import { CONNECTOR_NAMES, type CrmConnectorId } from '../../shared/domain/connectors';
import type { CrmTestResult } from '../../shared/domain/crm';
import { AppError } from '../../shared/result';
import { isLoopbackHost, normaliseSmartAdvocateBaseUrl, parseClientRoot, parseLawRulerBaseUrl, type LawRulerCredentials } from '../connectors';
import type { ActiveConnectors } from './active-connectors';
import type { ConnectService } from './connect-service';
import type { ConnectionStore } from './connection-store';
import type { CrmSettings, SecretValues } from './crm-fields';

/** A simulator to connect to: its address on this computer and the credentials it accepts. */
export type DemoConnectInput =
  | { crm: 'lawruler'; apiBaseUrl: string; credentials: LawRulerCredentials }
  | { crm: 'smartadvocate'; apiBaseUrl: string; credentials: { username: string; password: string } };

const refuse = (path: string, message: string) => new AppError('INVALID_INPUT', `${path}: ${message}`, { issues: [{ path, message }] });

function demoSettings(input: DemoConnectInput): { settings: CrmSettings; values: SecretValues } {
  let url: URL;
  try {
    url = new URL(input.apiBaseUrl);
  } catch {
    throw refuse('apiBaseUrl', `"${input.apiBaseUrl}" is not a URL: pass the simulator's address.`);
  }
  if (!isLoopbackHost(url.hostname)) throw refuse('apiBaseUrl', `demo mode connects only to a simulator on this computer, not to ${url.host}.`);
  const { credentials } = input;
  if (input.crm === 'lawruler') {
    const root = parseClientRoot(input.credentials.clientRoot);
    const base = parseLawRulerBaseUrl(input.apiBaseUrl);
    if (!root.ok) throw refuse('credentials.clientRoot', root.message);
    if (!base.ok) throw refuse('apiBaseUrl', base.message);
    const { password, clientSecret, key } = input.credentials;
    return { settings: { username: credentials.username, clientRoot: root.value, apiBaseUrl: base.value }, values: { password, clientSecret, key } };
  }
  const base = normaliseSmartAdvocateBaseUrl(input.apiBaseUrl);
  if (!base.ok) throw refuse('apiBaseUrl', base.message);
  return { settings: { username: credentials.username, endpointUrl: url.origin, apiBaseUrl: base.apiBase }, values: { password: credentials.password } };
}

/** Connects `input.crm` to a demo simulator; CONFLICT when the firm's own account is connected. */
export function connectDemoWith(deps: { connections: ConnectionStore; active: ActiveConnectors; service: ConnectService }, input: DemoConnectInput): Promise<CrmTestResult> {
  const crm: CrmConnectorId = input.crm;
  return deps.active.inTurn(crm, async () => {
    const { settings, values } = demoSettings(input);
    const row = deps.connections.get(crm);
    if (row && !row.isDemo && row.connectedAt !== null) {
      throw new AppError('CONFLICT', `${CONNECTOR_NAMES[crm]} is connected to the firm's own account; demo mode does not replace it. Disconnect it first to use the demo simulator.`);
    }
    return deps.service.establish(crm, settings, values, { demo: true, notice: null, entered: {} });
  });
}
