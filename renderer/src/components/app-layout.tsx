// The console's frame: header with product name, the company's name, the live connection when it is down and the
// theme switch; the navbar (a burger below 1200 px, so 1024 px screens keep their width for tables); the routed page.
import { AppShell, Burger, Button, Container, Group, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { Outlet } from 'react-router';
import { useContractQuery } from '../api/client';
import { useUiStore } from '../state/ui-store';
import classes from './app-layout.module.css';
import { LiveBadge } from './live-badge';
import { NavMenu } from './nav-menu';
import { ThemeToggle } from './theme-toggle';

/** Below this the navbar hides behind the burger. */
const NAVBAR_BREAKPOINT = 'lg';

const focusMain = () => document.getElementById('main')?.focus();

export function AppLayout() {
  const navbarOpened = useUiStore((s) => s.navbarOpened);
  const toggleNavbar = useUiStore((s) => s.toggleNavbar);
  const company = useContractQuery('company.get', undefined, { staleTime: 60_000 });
  const companyName = company.data?.name ?? '';

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !navbarOpened } }}
      padding="lg"
    >
      <Button className={classes.skipLink} size="xs" onClick={focusMain}>
        Skip to content
      </Button>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navbarOpened}
              onClick={toggleNavbar}
              hiddenFrom={NAVBAR_BREAKPOINT}
              size="sm"
              aria-label={navbarOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navbarOpened}
              aria-controls="app-navbar"
            />
            <ThemeIcon size="lg" radius="md" variant="filled" aria-hidden>
              <IconPlugConnected size={20} stroke={1.8} />
            </ThemeIcon>
            <Text component="span" fw={700} size="lg" truncate="end" style={{ flexShrink: 0 }}>
              Kayse Integrations Console
            </Text>
            {companyName !== '' && (
              <Text component="span" size="lg" c="dimmed" truncate="end" data-testid="header-company" title={companyName}>
                · {companyName}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LiveBadge onlyWhenDown />
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <NavMenu />
        </AppShell.Section>
      </AppShell.Navbar>
      {/* The route renders in the same commit as this element, so its presence means the first screen is up. */}
      <AppShell.Main id="main" tabIndex={-1} className={classes.main} data-testid="app-ready">
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
