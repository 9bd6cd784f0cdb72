// The console's one window: isolated, sandboxed, no Node, and unable to navigate away or open others.
import { BrowserWindow, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { createWindowState } from './window-state';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

/** The URL the app's own page is served from: the dev server while developing, the built file otherwise. */
export const appPageUrl = (): string => process.env.ELECTRON_RENDERER_URL ?? new URL('../renderer/index.html', import.meta.url).href;

export function createMainWindow(): BrowserWindow {
  const state = createWindowState();
  const window = new BrowserWindow({
    ...state.bounds(),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kayse Integrations Console',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  state.track(window);
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(rendererFile);
  return window;
}

/** No navigation away from the app's page, no new windows, no webviews. */
export function lockDown(contents: WebContents): void {
  const own = appPageUrl();
  contents.on('will-navigate', (event, url) => {
    if (url.split('#')[0] !== own.split('#')[0]) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
