// The IANA timezone choices for the company timezone picker, labelled with their current UTC offset.
import type { ComboboxItem, ComboboxItemGroup, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

export type TimeZoneOption = ComboboxItem;

const MINUS = '\u2212';

/** "UTC−06:00" for a zone at a given instant, computed by Intl (no timezone database of our own). */
export function utcOffsetLabel(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  // longOffset is "GMT-06:00", "GMT+05:30", or plain "GMT" at zero offset.
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(part ?? '');
  if (!match) return 'UTC+00:00';
  const [, sign, hh, mm] = match;
  return `UTC${sign === '-' ? MINUS : '+'}${hh}:${mm}`;
}

function supportedZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** One option: value is the IANA name, label adds the offset, e.g. "America/Chicago (UTC−06:00)". */
export function timeZoneOption(zone: string, at: Date = new Date()): TimeZoneOption {
  try {
    return { value: zone, label: `${zone} (${utcOffsetLabel(zone, at)})` };
  } catch {
    // A zone this runtime doesn't know (e.g. saved by a newer host): still selectable, just unlabelled.
    return { value: zone, label: zone };
  }
}

const regionOf = (zone: string) => (zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Other');

let cached: ComboboxItemGroup<TimeZoneOption>[] | undefined;

/**
 * All zones grouped by region (Africa, America, …), alphabetical within a group. Built once per session: one
 * Intl formatter per zone costs ~100 ms in all, and offsets only move at DST changes.
 */
export function timeZoneGroups(): ComboboxItemGroup<TimeZoneOption>[] {
  if (cached) return cached;
  const now = new Date();
  const byRegion = new Map<string, TimeZoneOption[]>();
  for (const zone of supportedZones()) {
    const region = regionOf(zone);
    const list = byRegion.get(region) ?? [];
    list.push(timeZoneOption(zone, now));
    byRegion.set(region, list);
  }
  cached = [...byRegion.entries()]
    .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
    .map(([group, items]) => ({ group, items: items.sort((x, y) => x.value.localeCompare(y.value)) }));
  return cached;
}

/** The list built so far, if any: lets a screen show it at once instead of building it mid-render. */
export function cachedTimeZoneGroups(): ComboboxItemGroup<TimeZoneOption>[] | undefined {
  return cached;
}

/**
 * Picker data that always contains `selected`: the full list when built (a zone this runtime doesn't list goes
 * in a "Saved" group on top), otherwise just the selected zone so the picker can show its label meanwhile.
 */
export function timeZoneData(
  groups: ComboboxItemGroup<TimeZoneOption>[] | undefined,
  selected: string,
): ComboboxItemGroup<TimeZoneOption>[] {
  const listed = groups?.some((g) => g.items.some((i) => i.value === selected)) ?? false;
  if (!selected || listed) return groups ?? [];
  return [{ group: 'Saved', items: [timeZoneOption(selected)] }, ...(groups ?? [])];
}

/** The zone this computer is set to, if the runtime reports one. */
export function localTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

const normalise = (s: string) => s.toLowerCase().replace(/[_/]/g, ' ').replace(/\u2212/g, '-').replace(/\s+/g, ' ').trim();

/** Search that ignores underscores and slashes ("new york" finds America/New_York) and accepts "-06" for "−06". */
export const timeZoneFilter: OptionsFilter = ({ options, search }) => {
  const words = normalise(search).split(' ').filter(Boolean);
  if (words.length === 0) return options;
  const matches = (label: string) => {
    const haystack = normalise(label);
    return words.every((w) => haystack.includes(w));
  };
  const result: ComboboxParsedItem[] = [];
  for (const option of options) {
    if ('group' in option) {
      const items = option.items.filter((i) => matches(i.label));
      if (items.length > 0) result.push({ group: option.group, items });
    } else if (matches(option.label)) {
      result.push(option);
    }
  }
  return result;
};
