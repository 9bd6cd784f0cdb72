// The connector each connected CRM currently uses (one guarded agent each), and the turn every change to a CRM's
// connection waits for: two Connects, or a Connect and a Disconnect, of one CRM never interleave (they read and
// write its keychain entries and row), while the two CRMs never wait for each other.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { BuiltConnector } from './crm-agent';

export interface ActiveConnectors {
  get(crm: CrmConnectorId): BuiltConnector | undefined;
  /** Makes `next` the connector of `crm` (null: none); the one it replaces closes once its requests finish. */
  replace(crm: CrmConnectorId, next: BuiltConnector | null): void;
  /** Runs `work` after every earlier piece of work on `crm` has ended. */
  inTurn<T>(crm: CrmConnectorId, work: () => Promise<T>): Promise<T>;
  /** Closes every connector and waits for the ones closing. */
  closeAll(): Promise<void>;
}

export function createActiveConnectors(): ActiveConnectors {
  const current = new Map<CrmConnectorId, BuiltConnector>();
  const closing = new Set<Promise<void>>();
  const turns = new Map<CrmConnectorId, Promise<unknown>>();

  const retire = (built: BuiltConnector) => {
    // Not awaited: the sync engine may be in the middle of a request on it, which the agent lets finish.
    const done = built.close().finally(() => closing.delete(done));
    closing.add(done);
  };

  return {
    get: (crm) => current.get(crm),
    replace(crm, next) {
      const previous = current.get(crm);
      if (previous === next) return;
      if (next) current.set(crm, next);
      else current.delete(crm);
      if (previous) retire(previous);
    },
    inTurn(crm, work) {
      const previous = turns.get(crm) ?? Promise.resolve();
      const run = previous.then(work, work);
      turns.set(
        crm,
        run.catch(() => undefined),
      );
      return run;
    },
    async closeAll() {
      for (const built of current.values()) retire(built);
      current.clear();
      await Promise.all([...closing]);
    },
  };
}
