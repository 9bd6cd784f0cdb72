// "Send a test": one delivery of a sample event marked as a test, sent at once whatever the webhook's state
// (inactive ones too) and its circuit, logged like any other, its result returned to the caller.
import { eventDataSchemas, isEventType } from '../../../shared/domain/events';
import type { TableName } from '../../../shared/domain/tables';
import type { TestResult } from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/result';
import { SAMPLE_DATA } from '../../ingest';
// newId, not an injected generator: the delivery engine calls this and has no ids of its own to pass.
import { newId, type Clock } from '../../kernel';
import { buildEnvelope, serializeEnvelope } from '../policy/envelope';
import type { DeliveryStore } from '../store/delivery-store';
import type { WebhookStore } from '../store/webhook-store';
import type { GuardedAgent } from '../../net';
import { attemptRecord } from './attempt-record';
import type { CredentialCache } from './credentials';
import { loggedHeaders, requestHeaders } from './request-headers';
import { sendAttempt } from './send-attempt';

export interface TestSendDeps {
  deliveries: DeliveryStore;
  webhooks: WebhookStore;
  credentials: CredentialCache;
  agent: (webhook: { isDemo: boolean }) => GuardedAgent;
  clock: Clock;
  userAgent: string;
  timeoutMs: number;
  stop: AbortSignal;
  /** False once the engine has closed: nothing more is written. */
  open: () => boolean;
  changed: (tables: TableName[]) => void;
}

/** The response body excerpt shown with a test result. */
const EXCERPT = 2_000;

export async function sendTestDelivery(deps: TestSendDeps, webhookId: string, eventType?: string): Promise<TestResult> {
  const w = deps.webhooks.get(webhookId);
  const type = eventType ?? w.events[0] ?? 'call_ended';
  if (!isEventType(type)) {
    throw new AppError('INVALID_INPUT', `"${type}" is not an event type a test can be sent for.`, { issues: [{ path: 'eventType', message: 'unknown event type' }] });
  }
  const now = deps.clock.now();
  const startedAt = now.toISOString();
  const credentials = await deps.credentials.load(w.id, w.appKeyRef);
  const event = {
    id: newId('evt_test_'),
    type,
    occurredAt: startedAt,
    campaignId: w.campaignId,
    caseId: null,
    clientId: null,
    caseType: w.caseTypes[0] ?? null,
    // Parsed like an ingested event, so a test body has exactly the fields a real one has.
    data: eventDataSchemas[type].parse(SAMPLE_DATA[type]) as Record<string, unknown>,
  };
  const body = serializeEnvelope(buildEnvelope(event, { test: true }));
  const deliveryId = deps.deliveries.insertTest(w.id, event.id, type, body, startedAt);
  const headers = requestHeaders({
    eventId: event.id,
    eventType: type,
    deliveryId,
    attemptNumber: 1,
    body,
    secrets: credentials.secrets,
    timestamp: Math.floor(now.getTime() / 1000),
    appKey: credentials.appKey,
    test: true,
    userAgent: deps.userAgent,
  });
  const [attemptId] = deps.deliveries.start([{ deliveryId, webhookId: w.id, number: 1, trigger: 'test', startedAt, url: w.url, requestHeaders: loggedHeaders(headers) }]);
  const result = await sendAttempt({ url: w.url, headers, body, agent: deps.agent(w), timeoutMs: deps.timeoutMs, stop: deps.stop });
  const { outcome } = result;
  if (!result.stopped && deps.open()) {
    const attempt = { attemptId: attemptId!, deliveryId, number: 1, startedAt, finishedAt: deps.clock.now().toISOString() };
    deps.deliveries.finish([attemptRecord(attempt, result, { state: outcome.ok ? 'succeeded' : 'failed', nextAttemptAt: null })]);
    deps.changed(['webhook_deliveries', 'webhook_attempts']);
  }
  return {
    deliveryId,
    ok: outcome.ok,
    status: outcome.status,
    errorClass: outcome.ok ? null : outcome.errorClass,
    message: outcome.ok ? null : outcome.message,
    durationMs: Math.round(outcome.durationMs),
    responseBody: result.responseBody === null ? null : result.responseBody.slice(0, EXCERPT),
    resolvedIp: result.resolvedIp,
  };
}
