// Handlers of the webhook procedures: management, secrets, App Keys, tests, replays, the delivery log, settings.
import type { webhooksContract, WebhookView } from '../../shared/contract/webhooks';
import type { Handlers } from '../../shared/rpc';
import type { Clock } from '../kernel';
import type { Webhooks } from './create-webhooks';
import type { WebhookRow } from './store/webhook-store';

export function webhooksHandlers({ webhooks: w, clock }: { webhooks: Webhooks; clock: Clock }): Handlers<typeof webhooksContract> {
  const view = (row: WebhookRow): WebhookView => ({
    id: row.id,
    name: row.name,
    url: row.url,
    events: row.events,
    campaignId: row.campaignId,
    caseTypes: row.caseTypes,
    active: row.active,
    receivesDemo: row.receivesDemo,
    isDemo: row.isDemo,
    appKeyRef: row.appKeyRef,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deactivatedReason: row.deactivatedReason,
    deactivatedAt: row.deactivatedAt,
    hasAppKey: row.appKeyRef !== null,
    health: { ...w.queries.health(row.id, clock.now().getTime()), circuit: w.engine.circuit(row.id) },
  });

  return {
    webhooks: {
      list: (input) => w.webhooks.list(input).map(view),
      get: ({ id }) => view(w.webhooks.get(id)),
      create: async (input) => view(await w.admin.create(input)),
      update: async ({ id, webhook }) => view(await w.admin.update(id, webhook)),
      setActive: ({ id, active }) => view(w.admin.setActive(id, active)),
      delete: async ({ id }) => ({ cancelledDeliveries: await w.admin.remove(id) }),
      checkUrl: async ({ url }) => {
        const check = await w.admin.checkUrl(url);
        return check.ok
          ? { ok: true, rule: null, message: null, addresses: check.addresses.map((a) => a.address), allowlisted: check.allowlisted }
          : { ok: false, rule: check.rule, message: check.message, addresses: check.address ? [check.address] : [], allowlisted: false };
      },
      revealSecret: async ({ id }) => ({ secret: await w.admin.revealSecret(id) }),
      secretInfo: ({ id }) => w.admin.secretInfo(id),
      rotateSecret: ({ id, graceHours }) => w.admin.rotateSecret(id, graceHours),
      setAppKey: async ({ id, appKey }) => view(await w.admin.setAppKey(id, appKey)),
      clearAppKey: async ({ id }) => view(await w.admin.clearAppKey(id)),
      sendTest: ({ id, eventType }) => w.engine.sendTest(id, eventType),
      replay: ({ deliveryId }) => w.replayDelivery(deliveryId),
      replayFailed: ({ webhookId, from, to }) => w.replays.replayFailed(webhookId, from, to),
      cancelTask: ({ taskId }) => ({ cancelled: w.replays.cancel(taskId) }),
      settings: () => w.settings(),
      updateSettings: (change) => w.updateSettings(change),
    },
    deliveries: {
      list: (input) => w.queries.list(input),
      get: ({ id }) => w.queries.get(id),
      attempts: ({ deliveryId }) => w.queries.attempts(deliveryId),
      attempt: ({ id }) => w.queries.attempt(id),
    },
  };
}
