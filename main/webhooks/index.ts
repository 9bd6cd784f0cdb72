// The webhooks front door: the factory (createWebhooks), its handlers and card source, and the signing and policy pieces other folders use.
export { generateSigningSecret, signingKey, signingSecretProblem, SIGNING_SECRET_PREFIX, type RandomBytes } from './signing/signing-secret';
export { signRequest, type SignRequestInput, type SignatureHeaders } from './signing/sign';
export { verifyKayseSignature, verifyStandardWebhook, DEFAULT_TOLERANCE_SECONDS, type VerifyResult, type VerifyFailure } from './signing/verify';
export { createSecretVault, DEFAULT_GRACE_MS, type SecretVault, type SecretVaultOptions, type SigningSecretInfo } from './signing/secret-vault';
export { matchesWebhook, type FilterableEvent } from './policy/filters';
export { buildEnvelope, serializeEnvelope, type EnvelopeSource, type WebhookEnvelope } from './policy/envelope';
export { classifyAttempt, ATTEMPT_TIMEOUT_MS, type AttemptOutcome, type AttemptResponse, type AttemptResult } from './policy/attempt-outcome';
export {
  nextStep,
  jitteredDelayMs,
  GONE_REASON,
  JITTER,
  MAX_ATTEMPTS,
  RETRY_AFTER_STATUSES,
  RETRY_DELAYS_MS,
  RETRY_WINDOW_MS,
  type NextStep,
  type NextStepInput,
} from './policy/retry-policy';
export { webhooksCardSource, webhooksCardState, type WebhookCardFacts } from './service/webhooks-card';
export { createWebhooks, type WebhookEngineOptions, type Webhooks } from './create-webhooks';
export { webhooksHandlers } from './webhooks-handlers';
export { deliveryLogHandlers, type DeliveryLogDeps } from './inspector/delivery-log-handlers';
export type { DeliveryLogInspector } from './inspector/delivery-log-inspector';
export { DEMO_WEBHOOK_NAME, type DemoWebhook } from './service/demo-webhook';
