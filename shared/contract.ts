// The one typed contract between the renderer and main. Add a procedure here and its handler in
// main/core/handlers: the preload bridge, HTTP routes and renderer client follow by derivation.
import { z } from 'zod';
import { procedure } from './rpc';
import { companySchema, companyUpdateSchema } from './domain/company';
import { integrationIdSchema, integrationSummarySchema } from './domain/integrations';
import { preferencesSchema, preferencesUpdateSchema, systemInfoSchema } from './domain/system';

const noInput = z.undefined();

export const contract = {
  company: {
    get: procedure({ input: noInput, output: companySchema, reads: ['company'], description: 'The company profile' }),
    update: procedure({
      input: companyUpdateSchema,
      output: companySchema,
      reads: [],
      description: 'Change the company name and timezone',
    }),
  },
  integrations: {
    list: procedure({
      input: noInput,
      output: z.array(integrationSummarySchema),
      reads: ['integrations'],
      description: 'The integration cards with their status',
    }),
    get: procedure({
      input: z.strictObject({ id: integrationIdSchema }),
      output: integrationSummarySchema,
      reads: ['integrations'],
      description: 'One integration card',
    }),
  },
  preferences: {
    get: procedure({ input: noInput, output: preferencesSchema, reads: ['preferences'], description: 'UI preferences' }),
    update: procedure({
      input: preferencesUpdateSchema,
      output: preferencesSchema,
      reads: [],
      description: 'Change UI preferences (theme)',
    }),
  },
  system: {
    info: procedure({
      input: noInput,
      output: systemInfoSchema,
      reads: ['system'],
      description: 'Where data, logs and secrets live',
    }),
  },
};

export const events = {
  /** A write committed; queries reading any of these tables are stale. */
  'tables.changed': z.object({ tables: z.array(z.string()).min(1) }),
};

export type Contract = typeof contract;
export type ContractEvents = typeof events;
