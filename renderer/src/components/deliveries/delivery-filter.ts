// The inspector's filters as they live in the address bar (…#/webhooks/deliveries?webhookId=…&status=failed), and
// their translation to the contract's delivery filter; plus the same filter applied to an imported bundle's rows.
import { DELIVERY_STATE_FILTERS, HTTP_STATUS_CLASSES, type DeliveryFilter, type DeliverySummary } from '../../../../shared/contract/webhooks';
import { rangeStart } from '../ui/time-range';
import type { FilterValues } from '../../hooks/use-search-filters';

/** Address-bar keys: the filters, then the open delivery, its chosen attempt and the chart's range. */
export const DELIVERY_QUERY_KEYS = ['webhookId', 'type', 'status', 'http', 'range', 'q', 'delivery', 'attempt', 'chart'] as const;
export type DeliveryQueryKey = (typeof DELIVERY_QUERY_KEYS)[number];
export type DeliveryQuery = FilterValues<DeliveryQueryKey>;

/** The keys that narrow the list (Clear filters empties them). */
export const FILTER_KEYS = ['webhookId', 'type', 'status', 'http', 'range', 'q'] as const satisfies readonly DeliveryQueryKey[];

const isState = (v: string | undefined): v is NonNullable<DeliveryFilter['state']> => (DELIVERY_STATE_FILTERS as readonly string[]).includes(v ?? '');

/** "5xx" / "none" as they are, "404" as the number; undefined for anything else. */
function httpStatus(value: string | undefined): DeliveryFilter['httpStatus'] {
  if (value === undefined) return undefined;
  if ((HTTP_STATUS_CLASSES as readonly string[]).includes(value)) return value as (typeof HTTP_STATUS_CLASSES)[number];
  const code = Number(value);
  return Number.isInteger(code) && code >= 100 && code <= 599 ? code : undefined;
}

/** The contract filter for the address-bar values; a time range counts back from `anchor`. Unreadable values are ignored. */
export function toDeliveryFilter(values: Pick<DeliveryQuery, (typeof FILTER_KEYS)[number]>, anchor: number): DeliveryFilter {
  const from = rangeStart(values.range, anchor);
  const status = httpStatus(values.http);
  const search = values.q?.trim();
  return {
    ...(values.webhookId && { webhookId: values.webhookId }),
    ...(values.type && { eventType: values.type }),
    ...(isState(values.status) && { state: values.status }),
    ...(status !== undefined && { httpStatus: status }),
    ...(from && { from }),
    ...(search && { search: search.slice(0, 200) }),
  };
}

/** True when the filter narrows the list (so an empty answer means "no match", not "nothing yet"). */
export const isFiltered = (filter: DeliveryFilter): boolean => Object.values(filter).some((value) => value !== undefined);

const STATUS_CLASSES: Record<string, [number, number]> = { '2xx': [200, 300], '3xx': [300, 400], '4xx': [400, 500], '5xx': [500, 600] };
/** As the log's list: a search this long also matches ids that start with it. */
const SEARCH_PREFIX_MIN = 4;

const matchesId = (id: string | null, search: string) => id !== null && (id === search || (search.length >= SEARCH_PREFIX_MIN && id.startsWith(search)));

/** Whether a delivery passes `filter`, exactly as the log's list decides it (for a bundle, which lives in memory). */
export function matchesFilter(d: DeliverySummary, filter: DeliveryFilter): boolean {
  if (filter.webhookId !== undefined && d.webhookId !== filter.webhookId) return false;
  if (filter.eventType !== undefined && d.eventType !== filter.eventType) return false;
  if (filter.state === 'retrying' && !(d.state === 'pending' && d.attempts > 0)) return false;
  if (filter.state !== undefined && filter.state !== 'retrying' && d.state !== filter.state) return false;
  const status = filter.httpStatus;
  if (typeof status === 'number' && d.lastStatus !== status) return false;
  if (status === 'none' && !(d.lastStatus === null && d.attempts > 0)) return false;
  if (typeof status === 'string' && status !== 'none') {
    const [lo, hi] = STATUS_CLASSES[status]!;
    if (d.lastStatus === null || d.lastStatus < lo || d.lastStatus >= hi) return false;
  }
  if (filter.from !== undefined && Date.parse(d.createdAt) < Date.parse(filter.from)) return false;
  if (filter.to !== undefined && Date.parse(d.createdAt) >= Date.parse(filter.to)) return false;
  const search = filter.search?.trim();
  if (search && !matchesId(d.eventId, search) && !matchesId(d.caseId, search) && !matchesId(d.id, search)) return false;
  return true;
}
