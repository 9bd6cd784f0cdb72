// The Electron host: one instance, one locked-down window, a tray so the core keeps working when the window
// is closed, and the IPC gate in front of the core.
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import Store from 'electron-store';
import type { Core } from './core';
import { demoRequested, startDemoAtLaunch } from './demo';
import { startIngestInBackground } from './ingest';
import { appPageUrl, createMainWindow, createTray, forwardEvents, lockDown, registerIpcGate, type EventForwarder } from './hosts/electron';
import { startHost } from './hosts';
import { preferencesOver } from './preferences';

let core: Core | undefined;
let window: BrowserWindow | undefined;
let quitting = false;
let forwarder: EventForwarder | undefined;

// KAYSE_DATA_DIR moves everything — database, logs, electron-store files — not just the database.
if (process.env.KAYSE_DATA_DIR) app.setPath('userData', process.env.KAYSE_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  // The tray keeps the app alive: closing the last window must not quit.
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // The same start-up as the headless host (hosts/start-host.ts): on a failure everything opened is closed and
  // the explanation comes back, shown in a dialog before quitting.
  const started = await startHost({
    dataDir: app.getPath('userData'),
    coreOptions: () => ({ host: 'electron', preferences: preferencesOver(new Store<Record<string, unknown>>({ name: 'preferences' })) }),
    warn: (message) => console.warn(message),
    start: async (opening, opened) => {
      const events = forwardEvents(opening.events);
      opened.add('event forwarder', () => events.dispose());
      const unregister = registerIpcGate({
        ipcMain,
        dispatch: opening.dispatch,
        logger: opening.logger,
        isTrustedSender: (event) =>
          !!window &&
          !window.isDestroyed() &&
          event.sender.id === window.webContents.id &&
          (event.senderFrame?.url ?? '').split('#')[0] === appPageUrl().split('#')[0],
        onRendererReady: (event) => events.ready(event.sender),
      });
      opened.add('IPC gate', unregister);
      const tray = createTray({ open: showWindow, quit: () => app.quit() });
      opened.add('tray', () => tray.destroy());
      return events;
    },
  });
  if (!started.ok) {
    fatal(started.message);
    return;
  }
  core = started.core;
  const events = started.value;
  forwarder = events;
  const logger = core.logger;
  const demo = core.demo;
  // Never blocks the window: the ingest API (and demo mode, which posts through it) come up in the background.
  void startIngestInBackground(core.ingest, process.env, (message) => {
    console.warn(message);
    logger.warn(message);
  }).then(async (listening) => {
    if (listening && demoRequested(undefined, process.env)) logger.info(await startDemoAtLaunch(demo));
  });
  showWindow();
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    events.dispose();
    const closing = core;
    core = undefined;
    void closing.close().finally(() => app.exit(0));
  });
}

/** Shows the window, creating it if it was never opened or was destroyed. */
function showWindow(): void {
  if (!core) return;
  if (window && !window.isDestroyed()) {
    window.show();
    window.focus();
    return;
  }
  const created = createMainWindow();
  window = created;
  created.webContents.on('did-start-loading', () => forwarder?.reset());
  created.on('close', (event) => {
    // Closing hides to the tray; engines keep running until Quit.
    if (!quitting) {
      event.preventDefault();
      created.hide();
    }
  });
}

/** Everything start-up opened is closed by now (startHost); shows why, then quits with a failure code. */
function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Kayse Integrations Console could not start', message);
  app.exit(1);
}
