// The encrypted-file store is only as private as its key: a key file other users can read lets them decrypt every
// stored credential. The console can't fix a file outside its data folder, so it says exactly what to run.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KEY_FILE_ENV } from '../secrets';
import { shellQuote } from './shell-quote';

/** A warning when KAYSE_SECRETS_KEY_FILE is open to group or others; null when fine, unset, or without modes. */
export function keyFileModeWarning(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string | null {
  const file = env[KEY_FILE_ENV];
  if (!file || platform === 'win32') return null;
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    return null; // a missing or unreadable key file is refused, with its own message, when the store opens
  }
  if ((mode & 0o077) === 0) return null;
  const who = mode & 0o004 ? 'every user of this machine' : mode & 0o040 ? "the file's group" : 'other users';
  const what = mode & 0o044 ? 'can be read by' : 'can be changed by';
  return (
    `WARNING: the secrets key file ${file} (${KEY_FILE_ENV}) ${what} ${who} (mode ${mode.toString(8).padStart(4, '0')}); ` +
    `whoever reads it can decrypt the console's stored credentials. Make it yours alone: chmod 600 ${shellQuote(resolve(file))}`
  );
}
