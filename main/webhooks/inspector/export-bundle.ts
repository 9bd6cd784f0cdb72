// Builds a delivery bundle: the chosen deliveries (by id, or every one a filter matches, newest first) with each
// attempt in full, read a chunk at a time with task.progress in between, cut at 5,000 deliveries or ~32 MB.
import {
  DELIVERY_BUNDLE_FORMAT,
  DELIVERY_BUNDLE_VERSION,
  MAX_BUNDLE_CHARS,
  MAX_BUNDLE_DELIVERIES,
  type BundleDelivery,
  type BundleWebhook,
  type DeliveryBundle,
} from '../../../shared/contract/delivery-bundle';
import { DELIVERY_LOG_EXPORT_KIND, type ExportBundleInput } from '../../../shared/contract/delivery-log';
import { MAX_DELIVERY_PAGE, type DeliverySummary } from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/result';
import { ulidIds, type Clock, type EventBus, type IdGenerator } from '../../kernel';
import type { DeliveryQueries } from '../store/delivery-queries';
import type { WebhookStore } from '../store/webhook-store';

export interface ExportBundleDeps {
  queries: DeliveryQueries;
  webhooks: WebhookStore;
  clock: Clock;
  events: EventBus;
  /** The task's id (default: ULIDs). */
  ids?: IdGenerator;
  /** "Kayse Integrations Console 0.1.0". */
  exportedBy: string;
  /** Deliveries read between two turns of the event loop. */
  chunk?: number;
  maxDeliveries?: number;
  maxChars?: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
const count = (n: number) => n.toLocaleString('en-US');

/** The deliveries a filter matches, newest first, up to `max`; `more` when others matched beyond it. */
function matching(queries: DeliveryQueries, filter: NonNullable<ExportBundleInput['filter']>, max: number): { rows: DeliverySummary[]; more: boolean } {
  const rows: DeliverySummary[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = queries.list({ ...filter, cursor, limit: Math.min(MAX_DELIVERY_PAGE, max - rows.length + 1) });
    rows.push(...page.rows);
    if (rows.length > max) return { rows: rows.slice(0, max), more: true };
    if (page.nextCursor === null) return { rows, more: false };
    cursor = page.nextCursor;
  }
}

/** The deliveries named by id, in the order given (each once); NOT_FOUND naming every id that is not in the log. */
function byIds(queries: DeliveryQueries, ids: readonly string[]): DeliverySummary[] {
  const unique = [...new Set(ids)];
  const missing: string[] = [];
  const rows: DeliverySummary[] = [];
  for (const id of unique) {
    try {
      rows.push(queries.get(id));
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') missing.push(id);
      else throw error;
    }
  }
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `No deliveries with ${missing.length === 1 ? 'id' : 'ids'} ${missing.join(', ')} in the log (retention may have removed them): reload the list and export again.`, { missing });
  }
  return rows;
}

/** The bundle of `input`'s deliveries, reporting `task.progress` (kind deliveryLog.export) while it reads them. */
export async function exportBundle(deps: ExportBundleDeps, input: ExportBundleInput): Promise<{ fileName: string; bundle: DeliveryBundle }> {
  const { queries, clock, events } = deps;
  const maxDeliveries = deps.maxDeliveries ?? MAX_BUNDLE_DELIVERIES;
  const maxChars = deps.maxChars ?? MAX_BUNDLE_CHARS;
  const chunk = deps.chunk ?? 100;
  const taskId = (deps.ids ?? ulidIds).next('dlx_');
  const progress = (phase: string, done: number, total: number | null, finished = false, error: string | null = null) =>
    events.emit('task.progress', { taskId, kind: DELIVERY_LOG_EXPORT_KIND, phase, done, total, finished, error });

  progress('choosing deliveries', 0, input.deliveryIds?.length ?? null);
  try {
    await nextTurn();
    const chosen = input.deliveryIds ? { rows: byIds(queries, input.deliveryIds), more: false } : matching(queries, input.filter ?? {}, maxDeliveries);
    const total = chosen.rows.length;
    const deliveries: BundleDelivery[] = [];
    let chars = 0;
    let cutBySize = false;
    progress('reading attempts', 0, total);
    for (let i = 0; i < total && !cutBySize; i += chunk) {
      for (const summary of chosen.rows.slice(i, i + chunk)) {
        const attemptDetails = queries.attempts(summary.id).map((a) => queries.attempt(a.id));
        const delivery = { ...summary, attemptDetails };
        chars += JSON.stringify(delivery).length;
        if (chars > maxChars && deliveries.length > 0) {
          cutBySize = true;
          break;
        }
        deliveries.push(delivery);
      }
      progress('reading attempts', deliveries.length, total);
      await nextTurn();
    }

    const capped = chosen.more || cutBySize;
    const note = cutBySize
      ? `Cut at ${count(deliveries.length)} of ${count(total)}${chosen.more ? '+' : ''} deliveries: a bundle holds about ${Math.round(maxChars / 1024 / 1024)} MB. Narrow the filter (time range, webhook, status) to export the rest.`
      : chosen.more
        ? `Only the newest ${count(maxDeliveries)} matching deliveries: more matched. Narrow the filter (time range, webhook, status) to export the rest.`
        : null;
    const webhooks = new Map<string, BundleWebhook>();
    for (const d of deliveries) {
      if (webhooks.has(d.webhookId)) continue;
      const row = deps.webhooks.find(d.webhookId);
      webhooks.set(d.webhookId, { id: d.webhookId, name: row?.name ?? d.webhookName ?? d.webhookId, url: row?.url ?? d.attemptDetails[0]?.url ?? '' });
    }
    const now = clock.now();
    const bundle: DeliveryBundle = {
      format: DELIVERY_BUNDLE_FORMAT,
      version: DELIVERY_BUNDLE_VERSION,
      exportedAt: now.toISOString(),
      exportedBy: deps.exportedBy,
      selection: { filter: input.deliveryIds ? null : (input.filter ?? {}), deliveryIds: input.deliveryIds ? [...new Set(input.deliveryIds)] : null, capped, note },
      webhooks: [...webhooks.values()],
      deliveries,
    };
    progress('done', deliveries.length, total, true);
    const fileName = deliveries.length === 1 && input.deliveryIds ? `kayse-delivery-${deliveries[0]!.id}.json` : `kayse-deliveries-${stamp(now)}.json`;
    return { fileName, bundle };
  } catch (error) {
    progress('failed', 0, null, true, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
