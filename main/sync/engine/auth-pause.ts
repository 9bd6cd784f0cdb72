// The pause an integration goes into when the CRM refuses its credentials (a CrmError `auth`: the connector has
// already signed in again once). Kept in sync_pauses so it outlives a restart; nothing is read or sent meanwhile,
// so every change stays pending. It ends when the credentials are saved or tested again and signing in works
// (crm_connections shows a newer test without an Error), and the integration resumes where it stood.
import type Database from 'better-sqlite3';
import { CONNECTOR_NAMES, type CrmConnectorId } from '../../../shared/domain/connectors';
import type { CrmConnectionView } from '../../../shared/domain/crm';
import { isCrmError, type CrmConnector } from '../../connectors';
import type { Crm } from '../../crm';
import { writeTransaction } from '../../db';
import { announceChanged, type Clock, type EventBus } from '../../kernel';

export interface SyncPause {
  kind: 'auth';
  reason: string;
  fix: string;
  since: string;
}

export interface AuthPauseDeps {
  sqlite: Database.Database;
  events: EventBus;
  clock: Clock;
  connection(crm: CrmConnectorId): Pick<CrmConnectionView, 'state' | 'lastTest'>;
  /** Called when a pause ends: the integration goes on from where it stood. */
  resumed(crm: CrmConnectorId): void;
}

export function createAuthPauses(deps: AuthPauseDeps) {
  const { sqlite, events } = deps;
  const q = {
    get: sqlite.prepare<[string], { kind: 'auth'; reason: string; fix: string; since: string }>('SELECT kind, reason, fix, since FROM sync_pauses WHERE crm = ?'),
    upsert: sqlite.prepare(
      'INSERT INTO sync_pauses (crm, kind, reason, fix, since) VALUES (?, ?, ?, ?, ?) ON CONFLICT (crm) DO UPDATE SET reason = excluded.reason, fix = excluded.fix',
    ),
    remove: sqlite.prepare('DELETE FROM sync_pauses WHERE crm = ?'),
  };
  const write = (work: () => void) =>
    writeTransaction(sqlite, () => {
      work();
      announceChanged(events, ['sync_pauses']);
    });

  const pauseOf = (crm: CrmConnectorId): SyncPause | null => q.get.get(crm) ?? null;

  /** Resumes `crm` when a test or Connect newer than the pause signed in. */
  const check = (crm: CrmConnectorId) => {
    const pause = pauseOf(crm);
    if (!pause) return;
    const view = deps.connection(crm);
    const signedIn = view.state !== 'error' && view.state !== 'not_connected';
    if (!signedIn || !view.lastTest || view.lastTest.at <= pause.since) return;
    write(() => void q.remove.run(crm));
    deps.resumed(crm);
  };

  return {
    pauseOf,
    /** The CRM refused the credentials: the integration pauses with the CRM's words and what to do. */
    pause(crm: CrmConnectorId, crmMessage: string): void {
      const name = CONNECTOR_NAMES[crm];
      const reason = `${name} refused the saved credentials (${crmMessage.replace(/\s+/g, ' ').slice(0, 300)})`;
      const fix = `Enter the ${name} credentials again in Configuration and press Connect, or Test connection once they work again; the sync resumes where it stopped and nothing waiting is lost.`;
      write(() => void q.upsert.run(crm, 'auth', reason, fix, deps.clock.now().toISOString()));
    },
    /** Looks at every paused integration after its connection changed. */
    connectionChanged(crms: readonly CrmConnectorId[]): void {
      for (const crm of crms) check(crm);
    },
  };
}

export type AuthPauses = ReturnType<typeof createAuthPauses>;

/**
 * `crm` as an engine that is not the push sees it (the pull): no connector while the integration is paused, and a
 * CrmError `auth` from any call pauses the integration.
 */
export function pauseAware<C extends Pick<Crm, 'connectorFor'>>(crm: C, pauses: Pick<AuthPauses, 'pauseOf' | 'pause'>): C {
  const watched = new WeakMap<CrmConnector, CrmConnector>();
  const watch = (id: CrmConnectorId, connector: CrmConnector): CrmConnector =>
    new Proxy(connector, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || prop === 'close') return value;
        return (...args: unknown[]) =>
          Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)).catch((error: unknown) => {
            if (isCrmError(error, 'auth')) pauses.pause(id, error.crmDetails.crmMessage ?? error.message);
            throw error;
          });
      },
    });
  return Object.assign(Object.create(crm) as C, {
    async connectorFor(id: CrmConnectorId) {
      if (pauses.pauseOf(id)) return null;
      const connector = await crm.connectorFor(id);
      if (!connector) return null;
      let w = watched.get(connector);
      if (!w) {
        w = watch(id, connector);
        watched.set(connector, w);
      }
      return w;
    },
  });
}
