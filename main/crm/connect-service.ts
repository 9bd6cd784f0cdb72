// Connect, Test connection, Disconnect and the toggles of one CRM connection. Connecting tests the credentials
// first: only when signing in works are they saved (secrets to the keychain, the rest to crm_connections), so a
// wrong password leaves whatever was connected before exactly as it was. Demo connections (demo-connect.ts) take
// the same path with their credentials held in memory.
import { CONNECTOR_NAMES, type CrmConnectorId } from '../../shared/domain/connectors';
import { DEFAULT_CRM_TOGGLES, type CrmConnectInput, type CrmConnectionView, type CrmTestResult, type CrmToggles } from '../../shared/domain/crm';
import { AppError, describeIssues, type FieldIssue } from '../../shared/result';
import type { CrmConnector, CrmRequestPacer } from '../connectors';
import { announceChanged, type Clock, type EventBus } from '../kernel';
import type { Logger } from '../log';
import type { ActiveConnectors } from './active-connectors';
import { checkConnectInput } from './connect-input';
import { buildConnector, type BuiltConnector, type CrmNetOptions } from './crm-agent';
import { FIELD_LABELS, secretFieldsOf, type CrmSettings, type SecretValues } from './crm-fields';
import type { CrmSecrets } from './crm-secrets';
import { emptyConnection, type ConnectionRow, type ConnectionStore } from './connection-store';
import { connectionView, isConnected } from './connection-view';
import { missingCredentialsCheck, nextError, signedInAs, signInCheck } from './sign-in-state';

export interface ConnectServiceDeps {
  connections: ConnectionStore;
  secrets: CrmSecrets;
  active: ActiveConnectors;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  net: CrmNetOptions;
  /** Loads and stores the catalog with a connector that just signed in. */
  loadCatalog(crm: CrmConnectorId, connector: CrmConnector): Promise<void>;
  /** The integration's rate limiter, once the sync has handed it over (Crm.pacedBy); null until then. */
  pacerOf(crm: CrmConnectorId): CrmRequestPacer | null;
}

/** What establish() saves besides the row: secrets entered (keychain) or, for a demo, all of them (memory). */
export interface EstablishOptions {
  demo: boolean;
  notice: string | null;
  /** Secret fields to write to the keychain (those the user typed); ignored for a demo. */
  entered: SecretValues;
}

export type ConnectService = ReturnType<typeof createConnectService>;

export function createConnectService(deps: ConnectServiceDeps) {
  const { connections, secrets, active, clock, logger } = deps;
  const now = () => clock.now().toISOString();
  const demoHeld = (crm: CrmConnectorId) => secrets.demo.has(crm);
  const view = (crm: CrmConnectorId): CrmConnectionView => connectionView(crm, connections.get(crm), demoHeld(crm));
  const save = (row: ConnectionRow) => {
    connections.save(row);
    announceChanged(deps.events, ['crm_connections']);
  };
  const checkSummary = (checks: { name: string; ok: boolean }[]) => checks.map((c) => `${c.name}: ${c.ok ? 'ok' : 'failed'}`);
  /** A connector paced from its first request: Connect's sign-in and catalog count against the CRM's limit too. */
  const build = (crm: CrmConnectorId, settings: CrmSettings, values: SecretValues): BuiltConnector => {
    const built = buildConnector(crm, settings, values, clock, deps.net);
    const pacer = deps.pacerOf(crm);
    if (pacer) built.connector.usePacer?.(pacer);
    return built;
  };

  /** The saved secrets of a live connection (keychain, or memory for a demo) and the fields missing from them. */
  const savedSecrets = async (row: ConnectionRow | null): Promise<{ values: SecretValues; missing: string[] }> => {
    if (row === null) return { values: {}, missing: [] };
    if (!isConnected(row, demoHeld(row.crm))) return { values: {}, missing: [...secretFieldsOf(row.crm)] };
    const values = row.isDemo ? { ...secrets.demo.get(row.crm) } : await secrets.load(row.secretRefs);
    return { values, missing: secretFieldsOf(row.crm).filter((f) => !values[f]) };
  };

  /** Tests `settings` + `values`; when signing in works, saves everything and connects. */
  const establish = async (crm: CrmConnectorId, settings: CrmSettings, values: SecretValues, options: EstablishOptions): Promise<CrmTestResult> => {
    const built = build(crm, settings, values);
    let checks;
    try {
      checks = await built.connector.testConnection();
    } catch (error) {
      await built.close();
      throw error;
    }
    const signIn = signInCheck(checks);
    if (!signIn?.ok) {
      await built.close();
      logger.info({ crm, checks: checkSummary(checks) }, 'CRM not connected: signing in failed, nothing was saved');
      return { ok: false, checks, connection: view(crm) };
    }
    const previous = connections.get(crm);
    let secretRefs: Record<string, string> = {};
    if (options.demo) secrets.demo.set(crm, { ...values });
    else {
      const kept = previous && !previous.isDemo && previous.connectedAt !== null ? previous.secretRefs : {};
      secretRefs = { ...kept, ...(await secrets.save(crm, options.entered)) };
      secrets.demo.delete(crm);
    }
    const at = now();
    const latest = connections.get(crm) ?? previous;
    save({
      crm,
      settings,
      secretRefs,
      isDemo: options.demo,
      connectedAs: signedInAs(signIn, settings.username),
      connectedAt: at,
      toggles: latest?.toggles ?? { ...DEFAULT_CRM_TOGGLES },
      normalisedNotice: options.notice,
      error: null,
      lastTest: { at, checks },
      updatedAt: at,
    });
    active.replace(crm, built);
    logger.info({ crm, demo: options.demo, checks: checkSummary(checks) }, 'CRM connected');
    await deps.loadCatalog(crm, built.connector);
    return { ok: checks.every((c) => c.ok), checks, connection: view(crm) };
  };

  /** Forgets the connection: keychain entries (for a real one) and memory; the row keeps settings and toggles. */
  const drop = async (crm: CrmConnectorId, row: ConnectionRow | null, keychain: boolean): Promise<CrmConnectionView> => {
    active.replace(crm, null);
    if (keychain) await secrets.removeAll(crm);
    secrets.demo.delete(crm);
    if (row !== null) {
      save({ ...row, secretRefs: {}, isDemo: false, connectedAs: null, connectedAt: null, error: null, updatedAt: now() });
      logger.info({ crm }, 'CRM disconnected');
    }
    return view(crm);
  };

  const requireConnected = (crm: CrmConnectorId): ConnectionRow => {
    const row = connections.get(crm);
    if (row === null || !isConnected(row, demoHeld(crm))) throw new AppError('CONFLICT', `${CONNECTOR_NAMES[crm]} is not connected: enter its credentials and Connect first.`);
    return row;
  };

  return {
    view,
    views: (): CrmConnectionView[] => (['lawruler', 'smartadvocate'] as const).map(view),
    /** Tests and, when signing in works, saves and connects; call it inside `active.inTurn(crm, …)`. */
    establish,
    requireConnected,

    connect: (input: CrmConnectInput): Promise<CrmTestResult> =>
      active.inTurn(input.crm, async () => {
        const { crm } = input;
        const checked = checkConnectInput(input);
        const previous = connections.get(crm);
        const saved = previous && !previous.isDemo ? await savedSecrets(previous) : { values: {}, missing: [] };
        const values = { ...saved.values, ...checked.secrets };
        const missing = secretFieldsOf(crm).filter((f) => !values[f]);
        if (missing.length > 0) {
          const issues: FieldIssue[] = missing.map((field) => ({
            path: field,
            message: `${FIELD_LABELS[field]} is required: enter it to connect (it is kept in the OS keychain and never shown again; later, leaving it empty keeps the saved one).`,
          }));
          throw new AppError('INVALID_INPUT', `Check the connection details: ${describeIssues(issues)}`, { issues });
        }
        const ca = checked.extraCaPem === undefined ? previous?.settings.extraCaPem : (checked.extraCaPem ?? undefined);
        const settings: CrmSettings = { ...checked.settings, ...(ca ? { extraCaPem: ca } : {}) };
        return establish(crm, settings, values, { demo: false, notice: checked.notice, entered: checked.secrets });
      }),

    testConnection: (crm: CrmConnectorId): Promise<CrmTestResult> =>
      active.inTurn(crm, async () => {
        const row = requireConnected(crm);
        const { values, missing } = await savedSecrets(row);
        let built: BuiltConnector | null = null;
        let checks;
        if (missing.length > 0) checks = [missingCredentialsCheck(missing.map((f) => FIELD_LABELS[f] ?? f))];
        else {
          built = build(crm, row.settings, values);
          try {
            checks = await built.connector.testConnection();
          } catch (error) {
            await built.close();
            throw error;
          }
        }
        const signIn = signInCheck(checks);
        const at = now();
        const error = nextError(row.error, signIn, at, missing.length > 0 ? 'missing_credentials' : undefined);
        const latest = connections.get(crm) ?? row;
        save({ ...latest, error, lastTest: { at, checks }, connectedAs: signIn?.ok ? signedInAs(signIn, latest.connectedAs ?? row.settings.username) : latest.connectedAs, updatedAt: at });
        if (error && row.error?.kind !== error.kind) logger.warn({ crm, kind: error.kind, checks: checkSummary(checks) }, 'CRM connection in error');
        // A connector that just signed in replaces the one in use (its session may hold a token the CRM revoked).
        if (built) {
          if (signIn?.ok) active.replace(crm, built);
          else await built.close();
        }
        return { ok: checks.every((c) => c.ok), checks, connection: view(crm) };
      }),

    disconnect: (crm: CrmConnectorId): Promise<CrmConnectionView> =>
      active.inTurn(crm, async () => {
        const row = connections.get(crm);
        return drop(crm, row, !(row?.isDemo ?? false));
      }),

    /** Ends a demo connection; a real connection is never touched by it. */
    disconnectDemo: (crm: CrmConnectorId): Promise<CrmConnectionView> =>
      active.inTurn(crm, async () => {
        const row = connections.get(crm);
        return row?.isDemo ? drop(crm, row, false) : view(crm);
      }),

    updateToggles(crm: CrmConnectorId, change: Partial<CrmToggles>): CrmConnectionView {
      const row = connections.get(crm) ?? emptyConnection(crm, now());
      const toggles = { ...row.toggles };
      for (const [key, value] of Object.entries(change) as [keyof CrmToggles, boolean | undefined][]) if (value !== undefined) toggles[key] = value;
      save({ ...row, toggles, updatedAt: now() });
      logger.info({ crm, toggles: change }, 'CRM toggles changed');
      return view(crm);
    },

    /** The connector of a connected CRM, built from its saved credentials the first time; null when not connected. */
    connectorFor: (crm: CrmConnectorId): Promise<CrmConnector | null> =>
      active.inTurn(crm, async () => {
        const row = connections.get(crm);
        if (row === null || !isConnected(row, demoHeld(crm))) return null;
        const existing = active.get(crm);
        if (existing) return existing.connector;
        const { values, missing } = await savedSecrets(row);
        if (missing.length > 0) {
          logger.warn({ crm, missing }, 'CRM credentials missing from the keychain: no connector');
          return null;
        }
        const built = build(crm, row.settings, values);
        active.replace(crm, built);
        return built.connector;
      }),
  };
}
