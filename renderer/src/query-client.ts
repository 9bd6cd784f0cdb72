// The renderer's TanStack Query defaults: one retry for transient failures, none for answers that won't change.
import { QueryClient } from '@tanstack/react-query';
import { RemoteError, type ErrorCode } from '../../shared/result';

/** Failures that a second attempt can't fix. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set(['INVALID_INPUT', 'NOT_FOUND', 'UNKNOWN_PROCEDURE', 'UNAUTHORIZED', 'FORBIDDEN']);

/** A QueryClient for the console: queries retry once, mutations never, nothing refetches on window focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 1 && !(error instanceof RemoteError && PERMANENT.has(error.code)),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
