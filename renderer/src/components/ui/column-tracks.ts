// The record tables' column layout: one CSS grid template shared by the header and every row, and the width
// below which the table scrolls sideways instead of squeezing columns into each other.

// Must match the row's column-gap and padding-inline in virtual-record-table.module.css (Mantine's sm and md spacing).
export const COLUMN_GAP = 12;
export const ROW_PADDING = 16;

/** The smallest width (px) a CSS grid track can take: "120px" → 120, "minmax(180px, 2fr)" → 180, "1fr" → 0. */
export function trackMinWidth(track: string): number {
  const minmax = /^minmax\(\s*(\d+(?:\.\d+)?)px\s*,/.exec(track.trim());
  if (minmax) return Number(minmax[1]);
  const fixed = /^(\d+(?:\.\d+)?)px$/.exec(track.trim());
  return fixed ? Number(fixed[1]) : 0;
}

/** The narrowest the whole table can be: every track at its minimum plus the gaps and the row padding. */
export function tableMinWidth(tracks: readonly string[], gap: number, padding: number): number {
  const columns = tracks.reduce((sum, track) => sum + trackMinWidth(track), 0);
  return columns + gap * Math.max(0, tracks.length - 1) + padding * 2;
}

/** A column as the fitting sees it: its track and how much it matters (1 = key, always shown; higher gives way first). */
export interface FitTrack {
  width: string;
  priority: number;
}

/**
 * Which columns to show in `available` px: the least important columns (highest priority number, the rightmost
 * first among equals) give way until the rest fit. Key columns (priority 1) always stay; if they alone don't fit,
 * the table scrolls sideways.
 */
export function fitColumns(tracks: readonly FitTrack[], available: number, gap: number, padding: number): boolean[] {
  const shown = tracks.map(() => true);
  const width = () => tableMinWidth(tracks.filter((_, i) => shown[i]).map((t) => t.width), gap, padding);
  const order = tracks
    .map((t, i) => ({ priority: t.priority, i }))
    .filter((t) => t.priority > 1)
    .sort((a, b) => b.priority - a.priority || b.i - a.i);
  for (const { i } of order) {
    if (width() <= available) break;
    shown[i] = false;
  }
  return shown;
}
