// The theme as the host stores it (`preferences`), applied through Mantine; the host's value is the source of truth.
import { useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useEffectEvent } from 'react';
import type { Preferences } from '../../../shared/domain/system';
import { useContractMutation, useContractQuery } from '../api/client';

export type ColorSchemeChoice = Preferences['colorScheme'];

/** Applies the saved theme whenever the host's preference loads or changes (e.g. from another window). */
export function useApplySavedColorScheme(): void {
  const { data } = useContractQuery('preferences.get', undefined);
  const { setColorScheme } = useMantineColorScheme();
  const saved = data?.colorScheme;
  // Mantine hands out a new setter whenever the scheme changes; re-running on that would undo a choice being saved.
  const apply = useEffectEvent((scheme: ColorSchemeChoice) => setColorScheme(scheme));
  useEffect(() => {
    if (saved) apply(saved);
  }, [saved]);
}

/** The theme in effect, and a way to choose another one: applied at once, then saved; undone if saving fails. */
export function useColorSchemePreference() {
  const query = useContractQuery('preferences.get', undefined);
  const { mutate, isPending } = useContractMutation('preferences.update');
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const saved = query.data?.colorScheme;

  const choose = useCallback(
    (next: ColorSchemeChoice) => {
      setColorScheme(next);
      mutate(
        { colorScheme: next },
        {
          onError: (error) => {
            if (saved) setColorScheme(saved);
            notifications.show({ color: 'red', title: 'Theme not saved', message: error.message });
          },
        },
      );
    },
    [mutate, saved, setColorScheme],
  );

  return { colorScheme, choose, saving: isPending, query };
}
