// What a start-up has opened so far (log, database, writer thread, servers), so that a start-up that fails half
// way closes exactly that, newest first, instead of leaving handles that keep the process alive.

export interface OpenedStack {
  /** Registers something just opened; `close` may be sync or async. */
  add(what: string, close: () => unknown): void;
  /**
   * Closes everything registered, newest first. Never throws: a close that fails or takes longer than `limitMs`
   * is reported to `onProblem` and the rest are closed anyway (a start-up that failed must still end promptly).
   */
  closeAll(onProblem?: (what: string, problem: unknown) => void): Promise<void>;
  /**
   * A normal stop: closes everything registered, newest first, each waited for however long it takes (running
   * imports reach the end of a chunk, attempts in flight finish). A close that throws stops there and rejects.
   */
  closeInTurn(): Promise<void>;
}

export const CLOSE_LIMIT_MS = 10_000;

export function openedStack(limitMs = CLOSE_LIMIT_MS): OpenedStack {
  const opened: { what: string; close: () => unknown }[] = [];
  return {
    add(what, close) {
      opened.push({ what, close });
    },
    async closeAll(onProblem = () => undefined) {
      for (let next = opened.pop(); next !== undefined; next = opened.pop()) {
        const { what, close } = next;
        let timer: NodeJS.Timeout | undefined;
        const overdue = new Promise<'overdue'>((resolve) => {
          timer = setTimeout(() => resolve('overdue'), limitMs);
        });
        try {
          const outcome = await Promise.race([Promise.resolve().then(close), overdue]);
          if (outcome === 'overdue') onProblem(what, new Error(`did not close within ${limitMs} ms`));
        } catch (error) {
          onProblem(what, error);
        } finally {
          clearTimeout(timer);
        }
      }
    },
    async closeInTurn() {
      for (let next = opened.pop(); next !== undefined; next = opened.pop()) await next.close();
    },
  };
}
