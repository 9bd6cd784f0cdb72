// The workspace capability as the core holds it (`core.workspace`): case types, the case/client store (every
// write logged as a record change), campaigns, agents, the company profile, console edits and the list and detail
// queries. Built once: ingest, demo mode and transfer use these same services instead of building their own.
import type Database from 'better-sqlite3';
import type { Db } from '../db';
import { ulidIds, type Clock, type EventBus, type IdGenerator } from '../kernel';
import type { Logger } from '../log';
import { createAgentRepository, type AgentRepository } from './agents';
import { createCampaignRepository, type CampaignRepository } from './campaigns';
import { createCaseEditor, type CaseEditor } from './case-editor';
import { createCompanyService, type CompanyService } from './company-service';
import { createCaseListQuery, type CaseListPage } from './queries/case-list';
import { createClientListQuery, type ClientListPage } from './queries/client-list';
import { createRecordDetails, type RecordDetails } from './queries/record-details';
import { createUnreadableLog } from './queries/unreadable-log';
import { createWorkspaceSummaryQuery } from './queries/workspace-summary';
import { createCaseTypeCatalog, createRecordStore, type CaseTypeCatalog, type RecordStore } from './records';
import type { CaseListQuery, ClientListQuery, WorkspaceSummary } from '../../shared/domain/workspace-views';

export interface WorkspaceDeps {
  sqlite: Database.Database;
  /** The drizzle view of the same database (the company profile is written through it). */
  db: Db;
  clock: Clock;
  /** Ids of new case types, statuses, fields, clients, cases, campaigns and agents (default: ULIDs). */
  ids?: IdGenerator;
  events: EventBus;
  logger: Logger;
}

/** The named reads behind the workspace tables and detail views. */
export interface WorkspaceQueries {
  listCases(query: CaseListQuery): CaseListPage;
  listClients(query: ClientListQuery): ClientListPage;
  details: RecordDetails;
  summary(): WorkspaceSummary;
}

export interface Workspace {
  caseTypes: CaseTypeCatalog;
  records: RecordStore;
  campaigns: CampaignRepository;
  agents: AgentRepository;
  company: CompanyService;
  /** Version-checked case edits made in the console. */
  editor: CaseEditor;
  queries: WorkspaceQueries;
  /** Nothing of the workspace runs in the background: there is nothing to stop (kept for the common shape). */
  close(): Promise<void>;
}

/** The workspace services over one database; creates the company row on first start. */
export function createWorkspace(deps: WorkspaceDeps): Workspace {
  const { sqlite, clock, events, ids = ulidIds } = deps;
  const caseTypes = createCaseTypeCatalog(sqlite, clock, ids);
  const records = createRecordStore(sqlite, caseTypes, clock, events, ids);
  const campaigns = createCampaignRepository(sqlite, caseTypes, clock, events, ids);
  const agents = createAgentRepository(sqlite, clock, events, ids);
  const unreadable = createUnreadableLog(deps.logger);
  return {
    caseTypes,
    records,
    campaigns,
    agents,
    company: createCompanyService(deps.db, clock, events),
    editor: createCaseEditor(records),
    queries: {
      listCases: createCaseListQuery(sqlite, caseTypes),
      listClients: createClientListQuery(sqlite, unreadable),
      details: createRecordDetails(sqlite, { records, caseTypes, campaigns, unreadable }),
      summary: createWorkspaceSummaryQuery(sqlite),
    },
    close: async () => undefined,
  };
}
