// Test kit: a core whose webhook engine trusts the test receiver's CA and may reach loopback, with helpers to
// create webhooks, post events and read the delivery log; the receiver itself is test-receiver.ts.
import type { WebhookInput } from '../../shared/domain/webhooks';
import { startIngest, type IngestTestOptions } from '../ingest/test-ingest';
import { sampleEvent } from '../ingest/sample-events';
import { testCa } from './test-receiver';

export { answer, startReceiver, testCa, type ReceivedRequest, type Receiver, type ReceiverBehaviour } from './test-receiver';

/** A core with its ingest API up, whose webhooks may reach loopback and trust the test CA. */
export async function startWebhookCore(options: IngestTestOptions & { allowLoopback?: boolean } = {}) {
  const { allowLoopback = true, ...rest } = options;
  const ingest = await startIngest(rest);
  const { core } = ingest;
  const { api } = core;
  core.webhooks.updateSettings({ allowlist: allowLoopback ? ['127.0.0.1/32', '::1/128'] : [], extraCa: [testCa().ca] });
  const createWebhook = async (input: Partial<WebhookInput> & { url: string }) => api.webhooks.create({ name: 'Test receiver', ...input });
  /** Posts one sample event of `type` through the real ingest API; returns the stored event id. */
  const postEvent = async (type: Parameters<typeof sampleEvent>[0] = 'call_ended', overrides: Record<string, unknown> = {}) => {
    const res = await ingest.post(sampleEvent(type, overrides));
    if (res.status !== 202) throw new Error(`event refused: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { id: string };
    return body.id;
  };
  const deliveryRows = () =>
    core.database.sqlite.prepare('SELECT * FROM webhook_deliveries ORDER BY id').all() as { id: string; state: string; attempts: number; event_id: string; webhook_id: string; next_attempt_at: number | null; last_error: string | null }[];
  const attemptRows = () =>
    core.database.sqlite.prepare('SELECT * FROM webhook_attempts ORDER BY id').all() as {
      id: number;
      delivery_id: string;
      number: number;
      trigger: string;
      started_at: string;
      finished_at: string | null;
      error_class: string | null;
      error_message: string | null;
      response_status: number | null;
      response_body: string | null;
      response_truncated: number;
      request_headers: string;
      resolved_ip: string | null;
      next_attempt_at: number | null;
    }[];
  return { ...ingest, api, createWebhook, postEvent, deliveryRows, attemptRows };
}
