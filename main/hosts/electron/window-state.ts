// Window bounds remembered across runs in electron-store (read back through zod: the file is user-editable).
import type { BrowserWindow, Rectangle } from 'electron';
import Store from 'electron-store';
import { z } from 'zod';

const boundsSchema = z.object({ x: z.number(), y: z.number(), width: z.number().min(640), height: z.number().min(480) });
const DEFAULT_BOUNDS = { width: 1280, height: 820 };

export function createWindowState() {
  const store = new Store<Record<string, unknown>>({ name: 'window-state' });
  return {
    bounds(): Partial<Rectangle> & { width: number; height: number } {
      const parsed = boundsSchema.safeParse(store.get('bounds'));
      return parsed.success ? parsed.data : DEFAULT_BOUNDS;
    },
    track(window: BrowserWindow): void {
      const save = () => {
        if (!window.isDestroyed() && !window.isMinimized()) store.set('bounds', window.getNormalBounds());
      };
      window.on('resized', save);
      window.on('moved', save);
      window.on('close', save);
    },
  };
}
