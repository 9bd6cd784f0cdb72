// Handlers of the delivery log inspector's procedures (deliveryLog.*) over the webhooks capability's inspector.
import type { deliveryLogContract } from '../../../shared/contract/delivery-log';
import type { Handlers } from '../../../shared/rpc';
import type { Webhooks } from '../create-webhooks';

export interface DeliveryLogDeps {
  webhooks: Webhooks;
}

/** The `deliveryLog.*` handlers over the webhooks capability. */
export function deliveryLogHandlers({ webhooks: { inspector } }: DeliveryLogDeps): Handlers<typeof deliveryLogContract> {
  return {
    deliveryLog: {
      webhooks: () => inspector.webhooks(),
      hourly: (input) => inspector.hourly(input),
      verifySignature: ({ attemptId }) => inspector.verifySignature(attemptId),
      exportBundle: (input) => inspector.exportBundle(input),
      importBundle: ({ json }) => inspector.importBundle(json),
    },
  };
}
