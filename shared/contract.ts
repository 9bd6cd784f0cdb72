// The one typed contract between the renderer and main, composed of one module per capability. Add a
// procedure in its module and its handler in main: the preload bridge, HTTP routes and renderer client follow.
import { z } from 'zod';
import { settingsContract } from './contract/settings';
import { eventsContract } from './contract/events';
import { workspaceContract } from './contract/workspace';
import { transferContract } from './contract/transfer';
import { demoContract } from './contract/demo';
import { webhooksContract } from './contract/webhooks';
import { deliveryLogContract } from './contract/delivery-log';
import { crmContract } from './contract/crm';
import { syncContract } from './contract/sync';
import { schedulingBookingContract, schedulingContract } from './contract/scheduling';
import { tableNameSchema } from './domain/tables';

export const contract = {
  ...settingsContract,
  ...eventsContract,
  ...workspaceContract,
  ...transferContract,
  ...demoContract,
  ...webhooksContract,
  ...deliveryLogContract,
  ...crmContract,
  ...syncContract,
  ...schedulingContract,
  ...schedulingBookingContract,
};

export const events = {
  /** A write committed; queries reading any of these tables are stale. */
  'tables.changed': z.object({ tables: z.array(tableNameSchema).min(1) }),
  /** Progress of long work (import, export, demo seeding): one task id per run. */
  'task.progress': z.object({
    taskId: z.string(),
    kind: z.string(),
    phase: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
    finished: z.boolean(),
    error: z.string().nullable(),
  }),
};

export type Contract = typeof contract;
export type ContractEvents = typeof events;
