// Refusals in the benchmarks: every answer of the ingest API other than the one asked for (and every rejected
// `ingest.accept`) is counted, never retried, and printed in the row it happened in. A benchmark that retried would
// hide exactly what it should show; a run with any refusal fails after printing its rows (bench/run.mjs).

/** A tally of refusals with the first few reasons, for the row and the failure message. */
export interface Refusals {
  count: number;
  /** Up to five distinct answers ("503 {"error": …}"). */
  examples: string[];
}

export const noRefusals = (): Refusals => ({ count: 0, examples: [] });

/** Counts one refusal. */
export function refuse(tally: Refusals, reason: string): void {
  tally.count += 1;
  const example = reason.slice(0, 200);
  if (tally.examples.length < 5 && !tally.examples.includes(example)) tally.examples.push(example);
}

/** Adds `from` into `into`. */
export function addRefusals(into: Refusals, from: Refusals): Refusals {
  into.count += from.count;
  for (const e of from.examples) if (into.examples.length < 5 && !into.examples.includes(e)) into.examples.push(e);
  return into;
}

/** Runs `accept` (one ingest batch inside the console) and counts it as refused if it throws; never retries. */
export async function acceptCounted(tally: Refusals, accept: () => Promise<unknown>): Promise<boolean> {
  try {
    await accept();
    return true;
  } catch (error) {
    refuse(tally, error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error));
    return false;
  }
}
