// What a progress bar says about background work: a whole percentage and "12,000 of 100,000 rows".

const counter = new Intl.NumberFormat('en-US');

/** 12000 → "12,000". */
export const formatCount = (n: number): string => counter.format(n);

/** What is being counted, singular and plural. */
export interface CountUnit {
  one: string;
  many: string;
}

export const ROWS: CountUnit = { one: 'row', many: 'rows' };

/** "1 row", "2 rows" (or any other unit). */
export const countLabel = (n: number, unit: CountUnit = ROWS): string => `${formatCount(n)} ${n === 1 ? unit.one : unit.many}`;

/** "1 row", "2 rows". */
export const rowsLabel = (n: number): string => countLabel(n);

export interface ProgressView {
  /** 0–100, whole; rounded down so that 100 only ever means finished. */
  percent: number;
  /** "12,000 of 100,000 rows", or "12,000 rows" while the total is unknown. */
  label: string;
}

/** The bar's percentage and label for `done` of `total`; a task that finished without error is 100 %. */
export function progressView({
  done,
  total,
  finished,
  error = null,
  unit = ROWS,
}: {
  done: number;
  total: number | null;
  finished: boolean;
  error?: string | null;
  unit?: CountUnit;
}): ProgressView {
  const label = total === null ? countLabel(done, unit) : `${formatCount(done)} of ${countLabel(total, unit)}`;
  if (finished && error === null) return { percent: 100, label };
  const percent = total !== null && total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return { percent: finished ? percent : Math.min(percent, 99), label };
}
