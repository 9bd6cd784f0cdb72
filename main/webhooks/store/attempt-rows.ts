// What the attempt log writes: an attempt as it is logged before sending, and its outcome after. Used by the
// delivery store (main connection) and the attempt log's SQL (shared with the writer thread).
import type { AttemptTrigger } from '../../../shared/contract/webhooks';

/** One attempt as it is logged before sending. */
export interface AttemptStart {
  deliveryId: string;
  webhookId: string;
  number: number;
  trigger: AttemptTrigger;
  startedAt: string;
  url: string;
  requestHeaders: Record<string, string>;
}

/** One attempt's outcome and what follows for its delivery. */
export interface AttemptFinish {
  attemptId: number;
  deliveryId: string;
  /** The attempt's number and start, counted on the delivery now that it is over. */
  number: number;
  startedAt: string;
  finishedAt: string;
  resolvedIp: string | null;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  responseTruncated: boolean;
  errorClass: string | null;
  errorMessage: string | null;
  durationMs: number;
  /** The delivery's new state: pending (a retry at nextAttemptAt), succeeded or failed. */
  state: 'pending' | 'succeeded' | 'failed';
  nextAttemptAt: number | null;
}
