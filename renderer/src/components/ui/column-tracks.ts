// The record tables' column layout: one CSS grid template shared by the header and every row, and the width
// below which the table scrolls sideways instead of squeezing columns into each other.

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
