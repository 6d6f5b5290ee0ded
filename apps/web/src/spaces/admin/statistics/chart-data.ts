/** One bar of a horizontal bar chart, in chart units (the SVG's viewBox is 100 wide). */
export interface Bar {
  key: string;
  label: string;
  count: number;
  /** Share of the whole, 0–1, as the API gives it. */
  share: number;
  /** Bar length: the largest bar spans the whole track. */
  length: number;
}

/** The widest a bar track is (viewBox units); labels sit in the rows above the bars. */
export const TRACK = 100;

/**
 * Bars for `items` (the API's shares, largest first), the largest spanning the track; the rest
 * folded into one "others" bar past `limit` so a region with 40 provinces stays readable.
 */
export function barsOf(
  items: readonly { key: string; label: string; count: number; share: number }[],
  limit: number,
  othersLabel: string,
): Bar[] {
  const sorted = [...items].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const shown = sorted.slice(0, limit);
  const rest = sorted.slice(limit);
  if (rest.length > 0)
    shown.push({
      key: 'others',
      label: othersLabel,
      count: rest.reduce((n, r) => n + r.count, 0),
      share: rest.reduce((n, r) => n + r.share, 0),
    });
  const max = shown.reduce((m, r) => Math.max(m, r.count), 0);
  return shown.map((r) => ({ ...r, length: max === 0 ? 0 : (r.count / max) * TRACK }));
}

/** The two parts of a whole (women-led and the others), as shares 0–1 that add up to 1 (or 0 of 0). */
export function partsOf(part: number, whole: number): { part: number; rest: number } {
  if (whole <= 0) return { part: 0, rest: 0 };
  const p = Math.min(Math.max(part / whole, 0), 1);
  return { part: p, rest: 1 - p };
}
