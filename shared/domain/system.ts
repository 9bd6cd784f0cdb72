import { z } from 'zod';

export const secretBackendSchema = z.enum(['keychain', 'encrypted-file']);

export const secretStoreStatusSchema = z.object({
  backend: secretBackendSchema,
  available: z.boolean(),
  /** Where secrets go, or why they can't be stored and how to fix it. */
  detail: z.string(),
});
export type SecretStoreStatus = z.infer<typeof secretStoreStatusSchema>;

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  host: z.enum(['electron', 'headless']),
  dataDir: z.string(),
  databasePath: z.string(),
  logDir: z.string(),
  migrationsApplied: z.number().int(),
  secrets: secretStoreStatusSchema,
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const colorSchemeSchema = z.enum(['light', 'dark', 'auto']);
export const preferencesSchema = z.object({ colorScheme: colorSchemeSchema });
export type Preferences = z.infer<typeof preferencesSchema>;
export const preferencesUpdateSchema = preferencesSchema.partial().strict();
