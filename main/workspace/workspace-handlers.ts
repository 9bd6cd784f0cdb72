// Handlers of the workspace procedures: case types, campaigns, agents, clients, cases and the summary.
import type Database from 'better-sqlite3';
import type { workspaceContract } from '../../shared/contract/workspace';
import type { Handlers } from '../../shared/rpc';
import { announceChanged } from '../kernel';
import type { Clock } from '../kernel/clock';
import type { EventBus } from '../kernel/event-bus';
import type { Logger } from '../log';
import { createAgentRepository } from './agents';
import { createCampaignRepository } from './campaigns';
import { createCaseEditor } from './case-editor';
import { createCaseListQuery } from './queries/case-list';
import { createClientListQuery } from './queries/client-list';
import { createRecordDetails } from './queries/record-details';
import { createUnreadableLog } from './queries/unreadable-log';
import { createWorkspaceSummaryQuery } from './queries/workspace-summary';
import type { CaseTypeCatalog, RecordStore } from './records';

export interface WorkspaceDeps {
  workspace: { caseTypes: CaseTypeCatalog; records: RecordStore };
  sqlite: Database.Database;
  clock: Clock;
  events: EventBus;
  logger: Logger;
}

/** The workspace procedures over one core's database, catalog and record store. */
export function workspaceHandlers({ workspace, sqlite, clock, events, logger }: WorkspaceDeps): Handlers<typeof workspaceContract> {
  const { caseTypes, records } = workspace;
  const campaigns = createCampaignRepository(sqlite, caseTypes, clock, events);
  const agents = createAgentRepository(sqlite, clock, events);
  const editor = createCaseEditor(records);
  const unreadable = createUnreadableLog(logger);
  const details = createRecordDetails(sqlite, { records, caseTypes, campaigns, unreadable });
  const listCases = createCaseListQuery(sqlite, caseTypes);
  const listClients = createClientListQuery(sqlite, unreadable);
  const summary = createWorkspaceSummaryQuery(sqlite);

  return {
    caseTypes: {
      list: () => caseTypes.list(),
      create: (input) => {
        const created = caseTypes.create(input);
        announceChanged(events, ['case_types', 'case_statuses', 'custom_fields']);
        return created;
      },
    },
    campaigns: {
      list: () => campaigns.list(),
      create: (input) => campaigns.create(input),
      update: (changes) => campaigns.update(changes),
    },
    agents: {
      list: () => agents.list(),
      create: (input) => agents.create(input),
      update: (changes) => agents.update(changes),
    },
    clients: {
      list: (query) => listClients(query),
      get: ({ id }) => details.clientDetail(id),
    },
    cases: {
      list: (query) => listCases(query),
      get: ({ id }) => details.caseDetail(id),
      setStatus: (change) => editor.setStatus(change),
      update: (change) => editor.update(change),
    },
    workspace: {
      summary: () => summary(),
    },
  };
}
