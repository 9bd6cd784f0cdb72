// The explicitly configured fallback for machines without a keychain: one file of AES-256-GCM entries, each
// bound to its service and account as additional authenticated data, under a key the user supplies.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/result';
import type { SecretStoreStatus } from '../../shared/domain/system';
import type { SecretStore } from './secret-store';

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), sealedSchema) });
type SecretsFile = z.infer<typeof fileSchema>;

export class EncryptedFileSecretStore implements SecretStore {
  readonly backend = 'encrypted-file' as const;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly key: Buffer,
    private readonly service: string,
  ) {
    if (key.length !== 32) throw new AppError('SECRETS_UNAVAILABLE', 'The encrypted-file store needs a 32-byte key.');
  }

  async status(): Promise<SecretStoreStatus> {
    try {
      this.read();
      return { backend: this.backend, available: true, detail: `Encrypted file ${this.file} (AES-256-GCM)` };
    } catch (error) {
      return { backend: this.backend, available: false, detail: (error as Error).message };
    }
  }

  async get(account: string): Promise<string | null> {
    await this.queue;
    const sealed = this.read().entries[account];
    return sealed ? this.open(account, sealed) : null;
  }

  set(account: string, value: string): Promise<void> {
    return this.serialise(async () => {
      const contents = this.read();
      contents.entries[account] = this.seal(account, value);
      await this.write(contents);
    });
  }

  delete(account: string): Promise<boolean> {
    return this.serialise(async () => {
      const contents = this.read();
      if (!(account in contents.entries)) return false;
      delete contents.entries[account];
      await this.write(contents);
      return true;
    });
  }

  private serialise<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private read(): SecretsFile {
    if (!existsSync(this.file)) return { version: 1, entries: {} };
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    if (!parsed.success) {
      throw new AppError('SECRETS_UNAVAILABLE', `The secrets file ${this.file} is not in the expected format; it was left as it is.`);
    }
    return parsed.data;
  }

  private async write(contents: SecretsFile): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(contents), { mode: 0o600 });
    await rename(tmp, this.file);
  }

  private aad(account: string): Buffer {
    return Buffer.from(`${this.service}\u0000${account}`, 'utf8');
  }

  private seal(account: string, value: string): z.infer<typeof sealedSchema> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(this.aad(account));
    const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  private open(account: string, sealed: z.infer<typeof sealedSchema>): string {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(this.aad(account));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new AppError(
        'SECRETS_UNAVAILABLE',
        `The secret "${account}" in ${this.file} can't be decrypted with the configured key (wrong key, or the file was altered).`,
      );
    }
  }
}
