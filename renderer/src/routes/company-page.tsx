// Settings → Company: the firm's name and timezone.
import { Alert, Paper, Skeleton, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useContractQuery } from '../api/client';
import { CompanyForm } from '../components/company-form';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';

function CompanyFormSkeleton() {
  return (
    <Paper withBorder p="lg" maw={640} aria-busy="true" aria-label="Loading the company profile">
      <Stack gap="lg">
        <Skeleton height={14} width="30%" />
        <Skeleton height={36} />
        <Skeleton height={14} width="25%" />
        <Skeleton height={36} />
        <Skeleton height={36} width={90} ml="auto" />
      </Stack>
    </Paper>
  );
}

export function CompanyPage() {
  const query = useContractQuery('company.get', undefined);
  return (
    <>
      <PageHeader title="Company" description="The firm this console works for. Integrations and booking agents use these settings." />
      <QueryState query={query} errorTitle="Couldn't load the company profile" loading={<CompanyFormSkeleton />}>
        {(company) => (
          <Stack gap="md">
            {company.name === '' && (
              <Alert color="blue" icon={<IconInfoCircle size={20} />} title="Welcome to the console" maw={640}>
                Start by entering your firm's name and timezone. The timezone is used whenever a voice agent books an
                appointment, so pick the one your office works in.
              </Alert>
            )}
            <CompanyForm company={company} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
