// Removing delivery log rows older than the retention period, in small transactions spaced out on the event
// loop so that pruning never holds up deliveries (pending ones are never pruned).
import type { TableName } from '../../../shared/domain/tables';
import type { Clock } from '../../kernel';
import type { Logger } from '../../log';
import type { DeliveryStore } from '../store/delivery-store';
import type { SettingsStore } from '../store/settings-store';

const BATCH = 500;
const EVERY_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

export interface Retention {
  /** Prunes everything past retention now (in batches); resolves with the rows removed. */
  run(): Promise<number>;
  start(): void;
  close(): void;
}

export function createRetention(deps: { deliveries: DeliveryStore; settings: SettingsStore; clock: Clock; logger: Logger; changed: (tables: TableName[]) => void }): Retention {
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let running: Promise<number> | null = null;

  async function prune(): Promise<number> {
    const cutoff = new Date(deps.clock.now().getTime() - deps.settings.get().retentionDays * DAY_MS).toISOString();
    let removed = 0;
    for (;;) {
      if (closed) break;
      const n = deps.deliveries.prune(cutoff, BATCH);
      removed += n;
      if (n === 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (removed > 0) {
      deps.logger.info({ removed, cutoff }, 'webhook delivery log pruned');
      deps.changed(['webhook_deliveries', 'webhook_attempts']);
    }
    return removed;
  }

  const run = () => {
    running ??= prune().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    run,
    start() {
      const tick = () => {
        void run().catch((error: unknown) => deps.logger.error({ err: error }, 'webhook log pruning failed'));
        timer = setTimeout(tick, EVERY_MS);
        timer.unref();
      };
      timer = setTimeout(tick, 5_000);
      timer.unref();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
