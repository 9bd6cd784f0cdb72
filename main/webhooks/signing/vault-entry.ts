// The one keychain entry per webhook that holds its signing secrets: a small JSON, validated whenever it is read.
import { z } from 'zod';
import { AppError } from '../../../shared/result';
import { signingSecretProblem } from './signing-secret';

const secretSchema = z.string().refine((s) => signingSecretProblem(s) === null, { message: 'is not a whsec_ signing secret' });
const isoSchema = z.iso.datetime();

export const vaultEntrySchema = z.strictObject({
  version: z.literal(1),
  active: z.strictObject({ secret: secretSchema, createdAt: isoSchema }),
  /** Rotated-out secrets, newest first, each valid until its own time. */
  retired: z.array(z.strictObject({ secret: secretSchema, validUntil: isoSchema })),
});
export type VaultEntry = z.infer<typeof vaultEntrySchema>;

/** The keychain account of a webhook's signing secrets. */
export const signingAccount = (webhookId: string) => `webhooks/${webhookId}/signing`;

/** Parses a stored entry; a damaged one is a clear error that names what is wrong but never echoes its content. */
export function parseVaultEntry(webhookId: string, text: string): VaultEntry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text, which is the secret: never pass it on.
    throw damaged(webhookId, ['(entry): not JSON']);
  }
  const parsed = vaultEntrySchema.safeParse(json);
  if (!parsed.success) throw damaged(webhookId, parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(entry)'}: ${i.message}`));
  return parsed.data;
}

/** The text stored in the keychain for an entry. */
export const serializeVaultEntry = (entry: VaultEntry): string => JSON.stringify(entry);

function damaged(webhookId: string, problems: string[]): AppError {
  return new AppError(
    'SECRETS_UNAVAILABLE',
    `The signing secret of webhook ${webhookId} (secret store entry "${signingAccount(webhookId)}") is damaged (${problems.join('; ')}). ` +
      'It was left as it is; remove it and create a new signing secret, then give the new secret to the receiver.',
    { account: signingAccount(webhookId), problems },
  );
}
