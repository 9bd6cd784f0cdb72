// Keyboard drag-and-drop for the field table: once a CRM field is picked up (Space or Enter), Down and Up jump from
// one Kayse row to the next instead of moving 25 px at a time, so any row is a few key presses away.
import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

export const rowKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { active, collisionRect, droppableRects, droppableContainers, over } }) => {
  const down = event.code === KeyboardCode.Down;
  if (!down && event.code !== KeyboardCode.Up) return undefined;
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const rows = droppableContainers
    .getEnabled()
    .flatMap((c) => {
      const rect = droppableRects.get(c.id);
      return rect ? [{ id: c.id, rect }] : [];
    })
    .sort((a, b) => a.rect.top - b.rect.top);
  if (rows.length === 0) return undefined;
  const at = over ? rows.findIndex((r) => r.id === over.id) : -1;
  const next = at < 0 ? (down ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + (down ? 1 : -1)));
  const { rect } = rows[next]!;
  // The dragged field's top-left, placed so that its centre is the row's centre.
  return { x: rect.left + rect.width / 2 - collisionRect.width / 2, y: rect.top + rect.height / 2 - collisionRect.height / 2 };
};
