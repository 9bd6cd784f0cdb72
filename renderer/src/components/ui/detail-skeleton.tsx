// Placeholder shapes while a record's detail loads.
import { Grid, Skeleton, Stack } from '@mantine/core';

/** Title, badges and two columns of cards, greyed out. */
export function DetailSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="md" aria-busy="true" aria-label={label}>
      <Skeleton height={14} width={120} />
      <Skeleton height={28} width="45%" />
      <Skeleton height={14} width="30%" />
      <Grid mt="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Skeleton height={320} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Skeleton height={320} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
