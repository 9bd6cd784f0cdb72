// Handlers of the workspace procedures: case types, campaigns, agents, clients, cases and the summary.
import type { workspaceContract } from '../../shared/contract/workspace';
import type { Handlers } from '../../shared/rpc';
import { announceChanged } from '../kernel';
import type { EventBus } from '../kernel';
import type { Workspace } from './create-workspace';

export interface WorkspaceHandlerDeps {
  workspace: Workspace;
  events: EventBus;
}

/** The workspace procedures over the workspace services. */
export function workspaceHandlers({ workspace, events }: WorkspaceHandlerDeps): Handlers<typeof workspaceContract> {
  const { caseTypes, campaigns, agents, editor, queries } = workspace;
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
      list: (query) => queries.listClients(query),
      get: ({ id }) => queries.details.clientDetail(id),
    },
    cases: {
      list: (query) => queries.listCases(query),
      get: ({ id }) => queries.details.caseDetail(id),
      setStatus: (change) => editor.setStatus(change),
      update: (change) => editor.update(change),
    },
    workspace: {
      summary: () => queries.summary(),
    },
  };
}
