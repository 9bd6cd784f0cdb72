// Company profile, integration cards, UI preferences and system information.
import { z } from 'zod';
import { procedure } from '../rpc';
import { companySchema, companyUpdateSchema } from '../domain/company';
import { integrationIdSchema, integrationSummarySchema } from '../domain/integrations';
import { preferencesSchema, preferencesUpdateSchema, systemInfoSchema } from '../domain/system';

export const settingsContract = {
  company: {
    get: procedure({ input: z.undefined(), output: companySchema, reads: ['company'], description: 'The company profile' }),
    update: procedure({
      input: companyUpdateSchema,
      output: companySchema,
      reads: [],
      description: 'Change the company name and timezone',
    }),
  },
  integrations: {
    list: procedure({
      input: z.undefined(),
      output: z.array(integrationSummarySchema),
      reads: ['webhooks', 'webhook_attempts', 'crm_connections', 'sync_pauses'],
      description: 'The integration cards with their status',
    }),
    get: procedure({
      input: z.strictObject({ id: integrationIdSchema }),
      output: integrationSummarySchema,
      reads: ['webhooks', 'webhook_attempts', 'crm_connections', 'sync_pauses'],
      description: 'One integration card',
    }),
  },
  preferences: {
    get: procedure({ input: z.undefined(), output: preferencesSchema, reads: ['preferences'], description: 'UI preferences' }),
    update: procedure({
      input: preferencesUpdateSchema,
      output: preferencesSchema,
      reads: [],
      description: 'Change UI preferences (theme)',
    }),
  },
  system: {
    info: procedure({
      input: z.undefined(),
      output: systemInfoSchema,
      reads: [],
      description: 'Where data, logs and secrets live',
    }),
  },
};
