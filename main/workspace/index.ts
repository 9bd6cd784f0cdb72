export { createCompanyService, type CompanyService } from './company-service';
export { createCampaignRepository, type CampaignRepository } from './campaigns';
export { createAgentRepository, type AgentRepository } from './agents';
export { workspaceHandlers, type WorkspaceDeps } from './workspace-handlers';
