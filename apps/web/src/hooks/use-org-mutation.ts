import type { RouteContract, RouteOutput } from '@gardenwatch/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callRoute, type CallInput } from '../api/call-route.ts';
import { orgKeys } from './use-org-tree.ts';

/**
 * A change to the organisation through one route. Every change may alter counts in the tree and
 * the kindergarten page, so all organisation queries are refreshed after it succeeds.
 */
export function useOrgMutation<R extends RouteContract>(route: R) {
  const queryClient = useQueryClient();
  return useMutation<RouteOutput<R>, Error, CallInput<R>>({
    mutationFn: (input) => callRoute(route, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
