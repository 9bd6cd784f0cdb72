// The local Kayse workspace: case types, campaigns, agents, clients and cases (lists, details with history,
// console edits) and the counts behind the empty state.
import { z } from 'zod';
import { procedure } from '../rpc';
import {
  agentInputSchema,
  agentSchema,
  campaignInputSchema,
  campaignSchema,
  caseSchema,
  caseTypeInputSchema,
  caseTypeSchema,
  clientSchema,
} from '../domain/workspace';
import {
  agentUpdateSchema,
  campaignUpdateSchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseListRowSchema,
  caseStatusChangeSchema,
  caseUpdateSchema,
  clientDetailSchema,
  clientListQuerySchema,
  pageOf,
  workspaceSummarySchema,
} from '../domain/workspace-views';

const byId = z.strictObject({ id: z.string().trim().min(1, 'An id is required') });

export const workspaceContract = {
  caseTypes: {
    list: procedure({
      input: z.undefined(),
      output: z.array(caseTypeSchema),
      reads: ['case_types'],
      description: 'Every case type with its statuses (in pipeline order) and custom fields',
    }),
    create: procedure({
      input: caseTypeInputSchema,
      output: caseTypeSchema,
      reads: [],
      description: 'Create a case type with its statuses and custom fields; a name already in use is refused',
    }),
  },
  campaigns: {
    list: procedure({ input: z.undefined(), output: z.array(campaignSchema), reads: ['campaigns'], description: 'Every campaign, by name' }),
    create: procedure({ input: campaignInputSchema, output: campaignSchema, reads: [], description: 'Create a campaign' }),
    update: procedure({
      input: campaignUpdateSchema,
      output: campaignSchema,
      reads: [],
      description: 'Change a campaign: only the fields given change',
    }),
  },
  agents: {
    list: procedure({ input: z.undefined(), output: z.array(agentSchema), reads: ['agents'], description: 'Every voice agent, by name' }),
    create: procedure({
      input: agentInputSchema,
      output: agentSchema,
      reads: [],
      description: 'Create an agent; a booking agent needs the Event Type ID it books into',
    }),
    update: procedure({
      input: agentUpdateSchema,
      output: agentSchema,
      reads: [],
      description: 'Change an agent: only the fields given change',
    }),
  },
  clients: {
    list: procedure({
      input: clientListQuerySchema,
      output: pageOf(clientSchema),
      reads: ['clients'],
      description: 'A window of clients by last name, first name; search matches name, phone, email and external id',
    }),
    get: procedure({
      input: byId,
      output: clientDetailSchema,
      reads: ['clients', 'cases', 'record_changes', 'case_types'],
      description: 'One client with their cases and change history (newest first)',
    }),
  },
  cases: {
    list: procedure({
      input: caseListQuerySchema,
      output: pageOf(caseListRowSchema),
      reads: ['cases', 'clients', 'campaigns', 'case_types'],
      description:
        'A window of cases (newest change first unless sorted otherwise), filtered by case type, status and campaign; search matches case number, name, primary client and external id',
    }),
    get: procedure({
      input: byId,
      output: caseDetailSchema,
      reads: ['cases', 'clients', 'record_changes', 'case_types', 'campaigns', 'scheduling_activity'],
      description: 'One case with its clients, case type (statuses, fields), campaign and change history (newest first)',
    }),
    setStatus: procedure({
      input: caseStatusChangeSchema,
      output: caseSchema,
      reads: [],
      description: 'Move a case to another status of its case type; refused if the case changed since it was loaded',
    }),
    update: procedure({
      input: caseUpdateSchema,
      output: caseSchema,
      reads: [],
      description: 'Rename a case or change its custom field values; refused if the case changed since it was loaded',
    }),
  },
  workspace: {
    summary: procedure({
      input: z.undefined(),
      output: workspaceSummarySchema,
      reads: ['case_types', 'campaigns', 'agents', 'clients', 'cases'],
      description: 'How many case types, campaigns, agents, clients and cases there are, and how many rows are demo data',
    }),
  },
};
