import { useApplySavedColorScheme } from '../hooks/use-color-scheme-preference';

/** Renders nothing; keeps Mantine's colour scheme in step with the host's saved preference. */
export function ColorSchemeSync() {
  useApplySavedColorScheme();
  return null;
}
