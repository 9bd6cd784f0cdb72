// Light / Dark / Auto, saved as the host-side theme preference.
import { Center, Input, Loader, SegmentedControl, Group, VisuallyHidden } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useColorSchemePreference, type ColorSchemeChoice } from '../hooks/use-color-scheme-preference';
import { ErrorAlert } from './query-state';

const item = (value: ColorSchemeChoice, label: string, icon: ReactNode) => ({
  value,
  label: (
    <Center style={{ gap: 8 }}>
      {icon}
      <span>{label}</span>
    </Center>
  ),
});

const DATA = [
  item('light', 'Light', <IconSun size={16} aria-hidden />),
  item('dark', 'Dark', <IconMoon size={16} aria-hidden />),
  item('auto', 'Auto', <IconDeviceDesktop size={16} aria-hidden />),
];

export function ThemeChoice() {
  const { colorScheme, choose, saving, query } = useColorSchemePreference();
  return (
    <Input.Wrapper
      label="Theme"
      description="Auto follows your operating system. Saved with the console's settings, so every window opens in it."
      id="theme-choice"
      labelElement="div"
    >
      <Group gap="sm" mt={6}>
        <SegmentedControl<ColorSchemeChoice>
          aria-labelledby="theme-choice-label"
          aria-describedby="theme-choice-description"
          data={DATA}
          value={colorScheme}
          onChange={choose}
          disabled={query.isPending}
        />
        {saving && (
          <>
            <Loader size="xs" />
            <VisuallyHidden role="status">Saving theme</VisuallyHidden>
          </>
        )}
      </Group>
      {query.error && (
        <ErrorAlert title="Couldn't load the saved theme" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      )}
    </Input.Wrapper>
  );
}
