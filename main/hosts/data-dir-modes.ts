// The data folder holds client personal data (the database, its WAL, logs, exports of the demo state, encrypted
// secrets), so on systems with file modes it is the user's alone: the folder 0700, the console's files 0600 —
// fixed at every start for folders an older version (or a 022 umask) left open, and kept so for files created
// later (rotated logs, the WAL, preferences) by an owner-only umask.
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { shellQuote } from './shell-quote';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** Files and folders the process creates from now on get no group or other permissions. */
export const PRIVATE_UMASK = 0o077;

/** The console's own files directly in the data folder (with their `-wal`, `.tmp`… companions). */
const CONSOLE_FILES = ['console.db', 'preferences.json', 'window-state.json', 'secrets.enc.json', 'demo-mode.json'];
/** Folders in the data folder that hold only the console's files. */
const CONSOLE_FOLDERS = ['logs'];

const isConsoleFile = (name: string) => CONSOLE_FILES.some((f) => name === f || name.startsWith(`${f}-`) || name.startsWith(`${f}.`));


/**
 * Creates the data folder if needed (its parents with the default mode: folders outside the data folder are not
 * the console's to restrict), makes it and the console's files in it owner-only, and sets the owner-only umask.
 * Returns a warning per mode it could not fix (e.g. a file owned by another user); throws when the folder can't
 * be created or is not a folder. Symbolic links are never followed (they may point outside the data folder).
 */
export function secureDataDir(dataDir: string, platform: NodeJS.Platform = process.platform): string[] {
  const dir = resolve(dataDir);
  mkdirSync(dirname(dir), { recursive: true });
  try {
    mkdirSync(dir, { mode: PRIVATE_DIR_MODE });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
  if (!statSync(dir).isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: ${dir} is a file, not a folder`), { code: 'ENOTDIR' });
  }
  if (platform === 'win32') return []; // no POSIX modes: the per-user profile folder's ACLs apply
  process.umask(PRIVATE_UMASK);
  const warnings: string[] = [];
  restrict(dir, PRIVATE_DIR_MODE, warnings, true);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && isConsoleFile(entry.name)) restrict(path, PRIVATE_FILE_MODE, warnings);
    if (entry.isDirectory() && CONSOLE_FOLDERS.includes(entry.name)) {
      restrict(path, PRIVATE_DIR_MODE, warnings);
      for (const inner of readdirSync(path, { withFileTypes: true })) {
        if (inner.isFile()) restrict(join(path, inner.name), PRIVATE_FILE_MODE, warnings);
      }
    }
  }
  return warnings;
}

/** Sets `mode` unless already set; `follow` only for the data folder itself (the path the user chose). */
function restrict(path: string, mode: number, warnings: string[], follow = false): void {
  const stat = follow ? statSync(path) : lstatSync(path);
  if (stat.isSymbolicLink() || (stat.mode & 0o777) === mode) return;
  try {
    chmodSync(path, mode);
  } catch (error) {
    warnings.push(
      `WARNING: ${path} is open to other users of this machine (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}) and could not be ` +
        `restricted (${(error as Error).message}). It holds client data: run chmod ${mode.toString(8)} ${shellQuote(path)} as its owner.`,
    );
  }
}
