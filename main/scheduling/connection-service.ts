// Connecting Cal.com: a key is checked with /v2/me before anything is kept; then it goes to the keychain (only
// there) and the account and API root to `scheduling_connection`. Disconnect deletes the keychain entry (checked)
// and the row. Agents' booking settings live on the agents and are never touched here, so replacing the key keeps
// them. The client handed to the booking service is built once per key (no keychain read per call) and notices a
// key Cal.com stops accepting: the connection turns to Error until a good call or a new key.
import type { SchedulingConnectInput } from '../../shared/domain/scheduling';
import { AppError } from '../../shared/result';
import { isSchedulingError, parseCalcomBaseUrl, SchedulingError, type CalcomAccount, type CalcomClient } from '../connectors';
import { announceChanged, type Clock, type EventBus } from '../kernel';
import { findBlockedAddressError } from '../net';
import type { Logger } from '../log';
import type { SecretStore } from '../secrets';
import type { CalcomNet } from './calcom-net';
import type { ConnectionRow, ConnectionStore } from './connection-store';

/** The keychain account of the company's Cal.com key. */
export const SCHEDULING_KEY_ACCOUNT = 'scheduling.calcom.apiKey';

export interface ConnectionServiceDeps {
  store: ConnectionStore;
  secrets: SecretStore;
  net: CalcomNet;
  events: EventBus;
  clock: Clock;
  logger: Logger;
}

export interface ConnectionService {
  connect(input: SchedulingConnectInput): Promise<void>;
  disconnect(): Promise<void>;
  /** Demo mode: connects the simulator, key in memory only. False (nothing done) over the firm's own connection. */
  connectDemo(input: { apiKey: string; baseUrl: string }): Promise<boolean>;
  /** Demo mode's wipe: ends a demo connection; the firm's own is left alone. */
  forgetDemo(): void;
  /** Whether a demo connection has its key (it is lost with the process). */
  demoKeyHeld(): boolean;
  clientFor(): Promise<CalcomClient | null>;
}

const parseBase = (baseUrl: string | undefined): string => {
  const parsed = parseCalcomBaseUrl(baseUrl);
  if (!parsed.ok) throw new AppError('INVALID_INPUT', `${parsed.message} Nothing was saved.`, { issues: [{ path: 'baseUrl', message: parsed.message }] });
  return parsed.baseUrl;
};

export function createConnectionService(deps: ConnectionServiceDeps): ConnectionService {
  const { store, secrets, net, events, clock, logger } = deps;
  let demoKey: string | null = null;
  let cached: { client: CalcomClient; baseUrl: string } | null = null;
  // One connect or disconnect at a time: two Saves must not interleave keychain and row writes.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const changed = () => announceChanged(events, ['scheduling_connection']);

  const check = async (apiKey: string, baseUrl: string): Promise<CalcomAccount> => {
    try {
      return await net.client(apiKey, baseUrl).me();
    } catch (error) {
      const blocked = findBlockedAddressError(error);
      if (blocked) {
        const message =
          `${blocked.host} resolves to ${blocked.address}, where the console never sends the Cal.com key: Cal.com's cloud only on public addresses, ` +
          'a self-hosted Cal.com on public or private (10.x, 172.16–31.x, 192.168.x) ones, and this computer only when the address entered is itself 127.0.0.1 or localhost. ' +
          'Check the Cal.com address and what it resolves to. Nothing was saved.';
        throw new AppError('INVALID_INPUT', message, { issues: [{ path: 'baseUrl', message }] });
      }
      if (error instanceof SchedulingError) throw new SchedulingError(error.schedulingDetails, `${error.message} Nothing was saved.`, error);
      throw error;
    }
  };

  const setError = (kind: 'key_refused' | 'key_missing', message: string) => {
    const row = store.get();
    if (!row || row.error?.kind === kind) return;
    store.setError({ kind, message, since: clock.now().toISOString() });
    logger.warn({ kind }, 'scheduling connection error');
    changed();
  };

  /** The client the booking service uses: a refused key turns the connection to Error; a good answer clears it. */
  const watched = (client: CalcomClient): CalcomClient => {
    const watch =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        try {
          const result = await call(...args);
          if (store.get()?.error?.kind === 'key_refused') {
            store.setError(null);
            changed();
          }
          return result;
        } catch (error) {
          if (isSchedulingError(error, 'invalid_key')) setError('key_refused', `${error.message} Agents can't book until a new key is connected.`);
          throw error;
        }
      };
    return {
      baseUrl: client.baseUrl,
      blockedForMs: () => client.blockedForMs(),
      me: watch(() => client.me()),
      eventType: watch((id: number) => client.eventType(id)),
      slots: watch((q: Parameters<CalcomClient['slots']>[0]) => client.slots(q)),
      book: watch((r: Parameters<CalcomClient['book']>[0]) => client.book(r)),
      cancel: watch((uid: string, reason?: string) => client.cancel(uid, reason)),
      reschedule: watch((uid: string, start: string, reason?: string) => client.reschedule(uid, start, reason)),
    };
  };

  const keyOf = async (row: ConnectionRow): Promise<string | null> => {
    if (row.isDemo) return demoKey;
    if (!row.keyAccount) return null;
    try {
      const key = await secrets.get(row.keyAccount);
      if (key === null) setError('key_missing', "The Cal.com key is no longer in the keychain: connect again with the key (Settings → Integrations → Scheduling).");
      return key;
    } catch (error) {
      setError('key_missing', `The Cal.com key can't be read from the keychain: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };

  return {
    connect: (input) =>
      serial(async () => {
        const baseUrl = parseBase(input.baseUrl);
        const account = await check(input.apiKey, baseUrl);
        await secrets.set(SCHEDULING_KEY_ACCOUNT, input.apiKey);
        cached = null;
        demoKey = null;
        store.put({ baseUrl, account, keyAccount: SCHEDULING_KEY_ACCOUNT, isDemo: false, connectedAt: clock.now().toISOString() });
        logger.info({ baseUrl, account: account.id }, 'scheduling connected');
        changed();
      }),
    disconnect: () =>
      serial(async () => {
        const row = store.get();
        if (!row) return;
        if (row.keyAccount) {
          await secrets.delete(row.keyAccount);
          if ((await secrets.get(row.keyAccount)) !== null) throw new AppError('SECRETS_UNAVAILABLE', "The keychain still holds the Cal.com key after deleting it: remove 'scheduling.calcom.apiKey' in the OS keychain, then Disconnect again.");
        }
        cached = null;
        demoKey = null;
        store.remove();
        logger.info('scheduling disconnected');
        changed();
      }),
    connectDemo: (input) =>
      serial(async () => {
        const row = store.get();
        if (row && !row.isDemo) return false;
        const baseUrl = parseBase(input.baseUrl);
        const account = await check(input.apiKey, baseUrl);
        cached = null;
        demoKey = input.apiKey;
        store.put({ baseUrl, account, keyAccount: null, isDemo: true, connectedAt: clock.now().toISOString() });
        changed();
        return true;
      }),
    forgetDemo() {
      if (!store.get()?.isDemo) return;
      cached = null;
      demoKey = null;
      store.remove();
      store.clearEventTypes(); // the simulator's, which no firm account has
      announceChanged(events, ['scheduling_connection', 'scheduling_event_types']);
    },
    demoKeyHeld: () => demoKey !== null,
    async clientFor() {
      const row = store.get();
      if (!row) return null;
      if (cached && cached.baseUrl === row.baseUrl) return cached.client;
      const key = await keyOf(row);
      if (key === null) return null;
      if (row.error?.kind === 'key_missing') {
        store.setError(null);
        changed();
      }
      const client = watched(net.client(key, row.baseUrl));
      cached = { client, baseUrl: row.baseUrl };
      return client;
    },
  };
}
