// Handlers of the delivery log inspector's procedures (deliveryLog.*): the hourly chart, signature checks, and
// delivery bundles out and in. Everything reads core.webhooks; nothing here writes to the log.
import type Database from 'better-sqlite3';
import pkg from '../../../package.json';
import { HOURS_IN_RANGE, type deliveryLogContract } from '../../../shared/contract/delivery-log';
import { AppError } from '../../../shared/result';
import type { Handlers } from '../../../shared/rpc';
import type { Clock } from '../../kernel/clock';
import type { EventBus } from '../../kernel/event-bus';
import type { Webhooks } from '../create-webhooks';
import { exportBundle } from './export-bundle';
import { parseBundle } from './import-bundle';
import { verifyAttempt } from './verify-attempt';
import { createWebhookNames } from './webhook-names';
import { createDeliveriesPerHour, HOUR_MS } from './deliveries-per-hour';

export interface DeliveryLogDeps {
  webhooks: Webhooks;
  sqlite: Database.Database;
  clock: Clock;
  events: EventBus;
}

/** The `deliveryLog.*` handlers over the webhooks capability. */
export function deliveryLogHandlers({ webhooks: w, sqlite, clock, events }: DeliveryLogDeps): Handlers<typeof deliveryLogContract> {
  const webhookNames = createWebhookNames(sqlite);
  const deliveriesPerHour = createDeliveriesPerHour(sqlite);
  return {
    deliveryLog: {
      webhooks: () => webhookNames(),
      hourly: ({ webhookId, range }) => {
        // Deleted webhooks keep their log, so they have a chart too.
        if (webhookId !== undefined && !w.webhooks.find(webhookId)) {
          const valid = w.webhooks.list().map((h) => h.id);
          throw new AppError('UNPROCESSABLE', `There is no webhook with id ${webhookId}; leave webhookId out for all webhooks.`, {
            issues: [{ path: 'webhookId', message: 'is not a webhook of this console' }],
            valid,
          });
        }
        const now = clock.now().getTime();
        // The current hour is the last bar: the range starts (hours - 1) whole hours before it.
        const from = new Date(Math.floor(now / HOUR_MS) * HOUR_MS - (HOURS_IN_RANGE[range] - 1) * HOUR_MS).toISOString();
        const to = new Date(now + 1).toISOString(); // the current hour has a bar even on the hour itself
        const hours = deliveriesPerHour(webhookId, from, to);
        return { range, from, to, hours };
      },
      verifySignature: ({ attemptId }) => verifyAttempt({ queries: w.queries, vault: w.vault }, attemptId),
      exportBundle: (input) =>
        exportBundle({ queries: w.queries, webhooks: w.webhooks, clock, events, exportedBy: `${pkg.productName} ${pkg.version}` }, input),
      importBundle: ({ json }) => parseBundle(json),
    },
  };
}
