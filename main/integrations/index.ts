export { createIntegrationCatalog, type IntegrationCatalog, type CardSources, type CardState } from './integration-catalog';
export { webhooksCardSource, webhooksCardState, type WebhookCardFacts } from './webhooks-card';
