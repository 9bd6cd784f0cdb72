// The delivery log's hourly chart (`deliveryLog.hourly`): which hours a range covers and which webhook it is for.
// The current hour is the last bar; a webhook id that never existed is refused, while deleted webhooks keep their
// log and so their chart.
import type Database from 'better-sqlite3';
import { HOURS_IN_RANGE, type HourlyOutput, type HourlyRange } from '../../../shared/contract/delivery-log';
import { AppError } from '../../../shared/result';
import type { Clock } from '../../kernel';
import type { WebhookStore } from '../store/webhook-store';
import { createDeliveriesPerHour, HOUR_MS } from './deliveries-per-hour';

export type HourlyChart = (input: { webhookId?: string; range: HourlyRange }) => HourlyOutput;

/** The chart over one database's delivery log, as of the clock's now. */
export function createHourlyChart(deps: { sqlite: Database.Database; webhooks: WebhookStore; clock: Clock }): HourlyChart {
  const { webhooks, clock } = deps;
  const deliveriesPerHour = createDeliveriesPerHour(deps.sqlite);
  return ({ webhookId, range }) => {
    // Deleted webhooks keep their log, so they have a chart too.
    if (webhookId !== undefined && !webhooks.find(webhookId)) {
      const valid = webhooks.list().map((h) => h.id);
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
  };
}
