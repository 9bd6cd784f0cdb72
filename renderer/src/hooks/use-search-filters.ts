// List filters kept in the address bar's query (…#/cases?type=…&q=…), so a reload or a shared link keeps them.
import { useSearchParams } from 'react-router';

export type FilterValues<K extends string> = Record<K, string | undefined>;

/** The given query parameters, and a setter that changes some of them (empty values are removed). */
export function useSearchFilters<K extends string>(keys: readonly K[]): [FilterValues<K>, (patch: Partial<Record<K, string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) || undefined])) as FilterValues<K>;
  const update = (patch: Partial<Record<K, string | null>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch) as [K, string | null | undefined][]) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      // Filtering is not navigation: Back leaves the screen rather than undoing each keystroke.
      { replace: true },
    );
  return [values, update];
}
