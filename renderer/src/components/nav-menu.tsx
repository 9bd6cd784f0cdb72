// The navbar's sections and links; the active one follows the current route.
import { NavLink, Stack, Text } from '@mantine/core';
import { IconApi, IconBuilding, IconFileExport, IconFileImport, IconInfoCircle, IconPlug, type Icon } from '@tabler/icons-react';
import { IconWebhook } from '@tabler/icons-react';
import { WORKSPACE_NAV } from './workspace-nav';
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
  { to: '/settings/ingest', label: 'Ingest API', icon: IconApi },
  { to: '/settings/about', label: 'About', icon: IconInfoCircle },
];

const DATA: readonly Entry[] = [
  { to: '/import', label: 'Import', icon: IconFileImport },
  { to: '/export', label: 'Export', icon: IconFileExport },
];

/** The navbar's sections, top to bottom. */
const SECTIONS: readonly { title: string; entries: readonly Entry[] }[] = [
  { title: 'Workspace', entries: [...WORKSPACE_NAV, { to: '/webhooks/deliveries', label: 'Webhook deliveries', icon: IconWebhook }] },
  { title: 'Settings', entries: SETTINGS },
  { title: 'Data', entries: DATA },
];

const isActive = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

export function NavMenu() {
  const { pathname } = useLocation();
  const closeNavbar = useUiStore((s) => s.closeNavbar);
  return (
    <Stack gap="md" component="nav" aria-label="Main">
      {SECTIONS.map(({ title, entries }) => (
        <Stack key={title} gap={4} role="group" aria-label={title}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4} aria-hidden>
            {title}
          </Text>
          <Stack gap={2}>
            {entries.map(({ to, label, icon: Icon }) => {
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
      ))}
    </Stack>
  );
}
