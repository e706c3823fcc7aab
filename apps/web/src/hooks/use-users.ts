import {
  userRoutes,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
} from '@gardenwatch/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute, type CallInput } from '../api/call-route.ts';

export interface UserFilter {
  q?: string | undefined;
  role?: RouteInput<typeof userRoutes.list>['query']['role'];
  kindergartenId?: string | undefined;
  includeDisabled: boolean;
  offset: number;
}

export const userPageSize = 50;
const usersKey = ['users'] as const;

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: [...usersKey, filter],
    queryFn: ({ signal }) =>
      callRoute(
        userRoutes.list,
        {
          query: {
            ...filter,
            includeDisabled: filter.includeDisabled ? 'true' : 'false',
            limit: userPageSize,
          },
        },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** A change to users through one route; the list is refreshed after it succeeds. */
export function useUserMutation<R extends RouteContract>(route: R) {
  const queryClient = useQueryClient();
  return useMutation<RouteOutput<R>, Error, CallInput<R>>({
    mutationFn: (input) => callRoute(route, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
