// The webhook settings card's text fields (one CIDR per line, PEM blocks pasted one after another) as the contract's
// input, and the host's refusals ("allowlist.1", "extraCa.0") as messages under the fields.
import { z } from 'zod';
import type { WebhookSettings } from '../../../../shared/contract/webhooks';
import { RemoteError } from '../../../../shared/result';

export interface SettingsDraft {
  allowlist: string;
  extraCa: string;
  retentionDays: number | '';
  graceHours: number | '';
}

export const SETTINGS_FIELDS = ['allowlist', 'extraCa', 'retentionDays', 'graceHours'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];
export type SettingsMessages = Partial<Record<SettingsField, string>>;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The stored settings as the card's fields. */
export function settingsDraftOf(settings: WebhookSettings): SettingsDraft {
  return {
    allowlist: settings.allowlist.join('\n'),
    extraCa: settings.extraCa.join('\n'),
    retentionDays: settings.retentionDays,
    graceHours: settings.graceHours,
  };
}

/** Non-empty lines, trimmed. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The PEM certificates in a pasted text, and whether anything else was pasted around them. */
export function splitPem(text: string): { certificates: string[]; stray: boolean } {
  const certificates = text.match(PEM_BLOCK) ?? [];
  const stray = text.replace(PEM_BLOCK, '').trim() !== '';
  return { certificates, stray };
}

/** What the renderer can tell before asking the host. */
export function settingsIssues(draft: SettingsDraft): SettingsMessages {
  const issues: SettingsMessages = {};
  if (splitPem(draft.extraCa).stray) {
    issues.extraCa = 'Paste whole PEM certificates, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, and nothing else.';
  }
  if (draft.retentionDays === '') issues.retentionDays = 'Retention is required (1 to 365 days)';
  if (draft.graceHours === '') issues.graceHours = 'The grace period is required (0 to 720 hours)';
  return issues;
}

/** The contract's input for `webhooks.updateSettings` (only call it when settingsIssues found nothing). */
export function settingsInputOf(draft: SettingsDraft) {
  return {
    allowlist: linesOf(draft.allowlist),
    extraCa: splitPem(draft.extraCa).certificates,
    retentionDays: draft.retentionDays === '' ? 0 : draft.retentionDays,
    graceHours: draft.graceHours === '' ? 0 : draft.graceHours,
  };
}

const issuesSchema = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });
const ORDINALS = { allowlist: 'Entry', extraCa: 'Certificate' } as const;

/** The host's refusal as messages per field ("Entry 2: …" for the second allowlist line) and general ones. */
export function settingsErrors(error: Error | null): { fields: SettingsMessages; general: string[] } {
  if (!error) return { fields: {}, general: [] };
  const parsed = error instanceof RemoteError && error.code === 'INVALID_INPUT' ? issuesSchema.safeParse(error.details) : undefined;
  if (!parsed?.success || parsed.data.issues.length === 0) return { fields: {}, general: [error.message] };
  const fields: SettingsMessages = {};
  const general: string[] = [];
  for (const { path, message } of parsed.data.issues) {
    const [head, index] = path.split('.');
    const field = SETTINGS_FIELDS.find((f) => f === head);
    if (!field) {
      general.push(`${path}: ${message}`);
      continue;
    }
    const text = index !== undefined && (field === 'allowlist' || field === 'extraCa') ? `${ORDINALS[field]} ${Number(index) + 1}: ${message}` : message;
    fields[field] = fields[field] ? `${fields[field]}\n${text}` : text;
  }
  return { fields, general };
}
