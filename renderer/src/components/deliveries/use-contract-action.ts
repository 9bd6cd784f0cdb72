// A procedure called on demand that changes nothing (a check, an export, reading a file): a mutation in TanStack
// Query's terms, but without refreshing every query afterwards as writes do.
import { useMutation } from '@tanstack/react-query';
import type { Contract } from '../../../../shared/contract';
import type { RemoteError } from '../../../../shared/result';
import type { ProcedurePath } from '../../../../shared/rpc';
import { call, useBridge, type InputOf, type OutputOf } from '../../api/client';

/** `mutate(input)` calls `path`; its answer, error and pending state follow TanStack Query's mutation. */
export function useContractAction<P extends ProcedurePath<Contract>>(path: P) {
  const bridge = useBridge();
  return useMutation<OutputOf<P>, RemoteError, InputOf<P>>({ mutationFn: (input) => call(bridge, path, input) });
}
