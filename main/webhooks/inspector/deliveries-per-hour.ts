// The inspector's chart: deliveries per hour (by when they were created) and how each stands now — succeeded,
// still retrying (pending or being sent), or failed (failed for good, or cancelled with its webhook).
import type Database from 'better-sqlite3';
import type { HourlyBucket } from '../../../shared/contract/delivery-log';

export const HOUR_MS = 3_600_000;

interface Row {
  h: string;
  succeeded: number;
  retrying: number;
  failed: number;
}

const COUNTS = `substr(created_at, 1, 13) AS h,
  sum(state = 'succeeded') AS succeeded,
  sum(state IN ('pending', 'in_flight')) AS retrying,
  sum(state IN ('failed', 'cancelled')) AS failed`;

export type DeliveriesPerHour = (webhookId: string | undefined, fromIso: string, toIso: string) => HourlyBucket[];

export function createDeliveriesPerHour(sqlite: Database.Database): DeliveriesPerHour {
  // One webhook: its covering index holds state and created_at, so no row is read.
  const one = sqlite.prepare<[string, string, string], Row>(
    `SELECT ${COUNTS} FROM webhook_deliveries INDEXED BY deliveries_webhook
     WHERE webhook_id = ? AND created_at >= ? AND created_at < ? GROUP BY h`,
  );
  const all = sqlite.prepare<[string, string], Row>(
    `SELECT ${COUNTS} FROM webhook_deliveries INDEXED BY deliveries_created WHERE created_at >= ? AND created_at < ? GROUP BY h`,
  );
  return (webhookId, fromIso, toIso) => {
    const rows = webhookId === undefined ? all.all(fromIso, toIso) : one.all(webhookId, fromIso, toIso);
    const byHour = new Map(rows.map((r) => [r.h, r]));
    const buckets: HourlyBucket[] = [];
    // Every hour of the range, zeros included, so the bars line up with the clock.
    for (let t = Math.floor(Date.parse(fromIso) / HOUR_MS) * HOUR_MS; t < Date.parse(toIso); t += HOUR_MS) {
      const hour = new Date(t).toISOString();
      const r = byHour.get(hour.slice(0, 13));
      buckets.push({ hour, succeeded: r?.succeeded ?? 0, retrying: r?.retrying ?? 0, failed: r?.failed ?? 0 });
    }
    return buckets;
  };
}
