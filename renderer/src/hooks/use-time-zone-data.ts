// Feeds the timezone picker without blocking the first paint: the ~400-zone list is built when the browser is idle.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { cachedTimeZoneGroups, timeZoneData, timeZoneGroups } from '../timezones';

/** Picker data containing `selected`, plus `ensureAll` to build the full list at once (e.g. when the picker opens). */
export function useTimeZoneData(selected: string) {
  const [groups, setGroups] = useState(cachedTimeZoneGroups);

  useEffect(() => {
    if (groups) return;
    const handle = requestIdleCallback(() => setGroups(timeZoneGroups()), { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }, [groups]);

  const ensureAll = useCallback(() => {
    if (!groups) setGroups(timeZoneGroups());
  }, [groups]);

  const data = useMemo(() => timeZoneData(groups, selected), [groups, selected]);
  return { data, ensureAll };
}
