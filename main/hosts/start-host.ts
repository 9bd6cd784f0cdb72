// How both hosts start, so the desktop app runs the same (tested) start-up and clean-up as the headless host:
// secure the data folder, open the core, start the host's own parts; on any failure explain it (what, why, what
// to do), write it to the log when one is open, close everything opened so far, and hand the message back.
import { join } from 'node:path';
import { explainStartupFailure, openCore, openedStack, type Core, type CoreOptions, type OpenedStack } from '../core';
import { secureDataDir } from './data-dir-modes';
import { keyFileModeWarning } from './key-file-mode';

export interface HostStartOptions<T> {
  dataDir: string;
  /** The core's options besides the folder; a function, so that building them (e.g. opening a preferences file) is start-up too. */
  coreOptions: () => Omit<CoreOptions, 'dataDir'>;
  /** The host's own start-up once the core runs (servers, window); everything it opens is registered on `opened`. */
  start: (core: Core, opened: OpenedStack) => Promise<T>;
  /** Where warnings are shown besides the log (the terminal, for the headless host). */
  warn: (message: string) => void;
  env?: Record<string, string | undefined>;
}

export type HostStart<T> = { ok: true; core: Core; value: T } | { ok: false; message: string };

export async function startHost<T>({ dataDir, coreOptions, start, warn, env = process.env }: HostStartOptions<T>): Promise<HostStart<T>> {
  const context = { dataDir, databasePath: join(dataDir, 'console.db') };
  const warnings: string[] = [];
  let core: Core;
  try {
    warnings.push(...secureDataDir(dataDir));
    const keyFile = keyFileModeWarning(env);
    if (keyFile) warnings.push(keyFile);
    for (const w of warnings) warn(w);
    core = await openCore({ env, ...coreOptions(), dataDir }); // a failure here is already logged and closed
  } catch (error) {
    return { ok: false, message: explainStartupFailure(error, context).message };
  }
  for (const w of warnings) core.logger.warn(w);
  warnWithoutSecrets(core, warn);

  const opened = openedStack();
  opened.add('core', () => core.close()); // closed last: its log gets every line before it
  try {
    return { ok: true, core, value: await start(core, opened) };
  } catch (error) {
    const failure = explainStartupFailure(error, context);
    core.logger.fatal({ err: error }, failure.message);
    await opened.closeAll((what, problem) => {
      if (what !== 'core') core.logger.error({ err: problem }, `${what} did not close cleanly after the failed start`);
      else console.error(`The ${what} did not close cleanly after the failed start: ${String(problem)}`);
    });
    return { ok: false, message: failure.message };
  }
}

/**
 * Says at start-up, not at the first Save, when credentials can't be stored (no keychain, no encrypted-file store),
 * with the same fix the screens give. In the background: a keychain that asks to be unlocked must not hold the
 * start-up.
 */
function warnWithoutSecrets(core: Core, warn: (message: string) => void): void {
  void core.secrets.status().then(
    (status) => {
      if (status.available) return;
      const message = `Credentials can't be stored, so CRM, scheduling and webhook secrets can't be saved until this is fixed: ${status.detail}`;
      warn(message);
      core.logger.warn(message);
    },
    (error: unknown) => core.logger.warn({ err: error }, 'could not check whether credentials can be stored'),
  );
}
