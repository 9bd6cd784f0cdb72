// Any address the console doesn't know.
import { Button, EmptyState } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../components/page-header';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        py="xl"
        icon={<IconMapPinOff size={28} />}
        withIndicatorBackground
        title="Nothing lives at this address"
        description={`The console has no page at "${pathname}".`}
        data-testid="not-found"
      >
        <EmptyState.Actions>
          <Button component={Link} to="/">
            Go to Integrations
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}
