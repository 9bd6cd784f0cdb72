// What the record screens show when there is nothing to list: how data gets into the console (with links to
// those screens), or — when filters hide everything — a way back to the whole list.
import { Button, EmptyState, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconApi, IconFileImport, IconFilterOff, IconSearch, IconSparkles, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface WayIn {
  title: string;
  text: string;
  icon: Icon;
  action?: { to: string; label: string };
}

const INGEST: WayIn = {
  title: 'Ingest API',
  text: 'The Kayse voice platform posts cases, clients and call events to the console as they happen. Create an API key and give the platform the address.',
  icon: IconApi,
  action: { to: '/settings/ingest', label: 'Set up the ingest API' },
};
const IMPORT: WayIn = {
  title: 'CSV import',
  text: 'Bring in the cases and clients you already have: export them from your current system as CSV and map the columns.',
  icon: IconFileImport,
  action: { to: '/import', label: 'Import a CSV file' },
};
const DEMO: WayIn = {
  title: 'Demo data',
  text: 'Demo mode fills the workspace with realistic campaign activity, every record marked Demo, so you can see each screen working without credentials — and removes it all in one step.',
  icon: IconSparkles,
  action: { to: '/settings/integrations', label: 'Explore with demo data' },
};

function WayInCard({ way }: { way: WayIn }) {
  const WayIcon = way.icon;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs" align="flex-start" h="100%">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          <WayIcon size={20} />
        </ThemeIcon>
        <Text fw={600}>{way.title}</Text>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {way.text}
        </Text>
        {way.action && (
          <Button component={Link} to={way.action.to} variant="light" size="xs">
            {way.action.label}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** "No cases / clients / events yet", and the ways they arrive. */
export function NothingYet({ what, icon, events = false }: { what: string; icon: ReactNode; events?: boolean }) {
  const ways = events ? [INGEST, DEMO] : [INGEST, IMPORT, DEMO];
  return (
    <Stack gap="lg" data-testid="records-empty">
      <EmptyState
        pt="lg"
        icon={icon}
        withIndicatorBackground
        title={`No ${what} yet`}
        description={`${what.charAt(0).toUpperCase()}${what.slice(1)} reach the console in ${ways.length === 3 ? 'three' : 'two'} ways:`}
      />
      <SimpleGrid cols={{ base: 1, md: ways.length }} spacing="md">
        {ways.map((way) => (
          <WayInCard key={way.title} way={way} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Filters that match nothing, with a button that clears them. */
export function NoMatches({ what, onClear }: { what: string; onClear: () => void }) {
  return (
    <EmptyState
      py="xl"
      icon={<IconSearch size={28} />}
      withIndicatorBackground
      title={`No ${what} match`}
      description="Try another search or fewer filters."
      data-testid="records-no-matches"
    >
      <EmptyState.Actions>
        <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
