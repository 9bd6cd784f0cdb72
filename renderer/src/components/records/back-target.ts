// Detail screens go "back" to the list the user came from, filters included, when the list said where that was.
import { useLocation } from 'react-router';

/** Navigation state a list passes to a detail screen. */
export interface BackState {
  back: string;
}

/** The list address to go back to: the one in navigation state if it is under `listPath`, else `listPath`. */
export function useBackTarget(listPath: string): string {
  const state: unknown = useLocation().state;
  const back = typeof state === 'object' && state !== null && 'back' in state ? (state as { back: unknown }).back : undefined;
  return typeof back === 'string' && (back === listPath || back.startsWith(`${listPath}?`)) ? back : listPath;
}
