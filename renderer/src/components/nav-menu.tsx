// The navbar's sections and links; the active one follows the current route.
import { NavLink, Stack, Text } from '@mantine/core';
import { IconBuilding, IconInfoCircle, IconPlug, type Icon } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useUiStore } from '../state/ui-store';

interface Entry {
  to: string;
  label: string;
  icon: Icon;
}

const SETTINGS: readonly Entry[] = [
  { to: '/settings/integrations', label: 'Integrations', icon: IconPlug },
  { to: '/settings/company', label: 'Company', icon: IconBuilding },
  { to: '/settings/about', label: 'About', icon: IconInfoCircle },
];

const isActive = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

export function NavMenu() {
  const { pathname } = useLocation();
  const closeNavbar = useUiStore((s) => s.closeNavbar);
  return (
    <Stack gap={4} component="nav" aria-label="Settings">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4} aria-hidden>
        Settings
      </Text>
      <Stack gap={2}>
        {SETTINGS.map(({ to, label, icon: Icon }) => {
          const active = isActive(pathname, to);
          return (
            <NavLink
              key={to}
              component={Link}
              to={to}
              label={label}
              leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={closeNavbar}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
        })}
      </Stack>
    </Stack>
  );
}
