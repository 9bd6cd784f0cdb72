import { z } from 'zod';

/** True for any zone the JS runtime knows by its IANA name (e.g. America/New_York, UTC). */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'Choose a timezone')
  .refine(isIanaTimeZone, { message: 'Not an IANA timezone name (e.g. America/Chicago)' });

export const companySchema = z.object({
  name: z.string(),
  timezone: z.string(),
  updatedAt: z.string().nullable(),
});
export type Company = z.infer<typeof companySchema>;

export const companyUpdateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Company name is required').max(120, 'Company name is at most 120 characters'),
  timezone: timeZoneSchema,
});
export type CompanyUpdate = z.infer<typeof companyUpdateSchema>;
