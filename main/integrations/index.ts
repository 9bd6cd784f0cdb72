export { createIntegrationCatalog, type IntegrationCatalog } from './integration-catalog';
