// The workspace's front door: its factory (the services the core holds as `core.workspace`), its contract
// handlers, and the record-store pieces other capabilities write through (ingest, transfer, demo, webhooks).
export { createWorkspace, type Workspace, type WorkspaceDeps, type WorkspaceQueries } from './create-workspace';
export { workspaceHandlers, type WorkspaceHandlerDeps } from './workspace-handlers';
export { createCompanyService, type CompanyService } from './company-service';
export { createCampaignRepository, type CampaignRepository } from './campaigns';
export { createAgentRepository, type AgentRepository } from './agents';
export * from './records';
