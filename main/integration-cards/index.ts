// Collects each capability's Integrations card source into the cards of Settings → Integrations.
export { createIntegrationCatalog, type IntegrationCatalog, type CardSources, type CardState } from './integration-catalog';
