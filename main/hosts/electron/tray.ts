// The tray keeps the core (deliveries, syncs) running while the window is closed.
import { Menu, Tray, nativeImage } from 'electron';
import { fileURLToPath } from 'node:url';

const iconPath = fileURLToPath(new URL('../../resources/tray.png', import.meta.url));

export function createTray(actions: { open(): void; quit(): void }): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Kayse Integrations Console — running');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open console', click: actions.open },
      { type: 'separator' },
      { label: 'Quit (stops deliveries and syncs)', click: actions.quit },
    ]),
  );
  tray.on('click', actions.open);
  return tray;
}
