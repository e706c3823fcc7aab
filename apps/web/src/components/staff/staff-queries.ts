import {
  blacklistRoutes,
  staffRoutes,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
} from '@gardenwatch/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute, type CallInput } from '../../api/call-route.ts';

export const staffKeys = {
  all: ['staff'] as const,
  list: (filter: StaffFilter) => ['staff', 'list', filter] as const,
  history: (id: string) => ['staff', 'history', id] as const,
  dashboard: (report: string, query: DashboardQuery) => ['staff', 'dashboard', report, query],
};
export const blacklistKeys = {
  all: ['blacklist'] as const,
  list: (filter: BlacklistFilter) => ['blacklist', 'list', filter] as const,
  entry: (id: string) => ['blacklist', 'entry', id] as const,
};

export interface StaffFilter {
  kindergartenId: string;
  status?: RouteInput<typeof staffRoutes.list>['query']['status'];
  role?: RouteInput<typeof staffRoutes.list>['query']['role'];
  offset: number;
}
export interface BlacklistFilter {
  reason?: RouteInput<typeof blacklistRoutes.list>['query']['reason'];
  identityNumber?: string | undefined;
  includeRemoved?: boolean;
  offset: number;
}
export interface DashboardQuery {
  year?: number | undefined;
  districtId?: string | undefined;
  kindergartenId?: string | undefined;
}

export const staffPageSize = 50;
export const blacklistPageSize = 50;

export function useStaffList(filter: StaffFilter) {
  return useQuery({
    queryKey: staffKeys.list(filter),
    queryFn: ({ signal }) =>
      callRoute(staffRoutes.list, { query: { ...filter, limit: staffPageSize } }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStaffHistory(id: string) {
  return useQuery({
    queryKey: staffKeys.history(id),
    queryFn: ({ signal }) => callRoute(staffRoutes.history, { params: { id } }, { signal }),
  });
}

export function useBlacklist(filter: BlacklistFilter) {
  return useQuery({
    queryKey: blacklistKeys.list(filter),
    queryFn: ({ signal }) =>
      callRoute(
        blacklistRoutes.list,
        { query: { ...filter, limit: blacklistPageSize } },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useBlacklistEntry(id: string) {
  return useQuery({
    queryKey: blacklistKeys.entry(id),
    queryFn: ({ signal }) => callRoute(blacklistRoutes.get, { params: { id } }, { signal }),
  });
}

type DashboardRoute =
  typeof staffRoutes.qualifications | typeof staffRoutes.certificates | typeof staffRoutes.pay;

export function useDashboard<R extends DashboardRoute>(route: R, query: DashboardQuery) {
  return useQuery({
    queryKey: staffKeys.dashboard(route.path, query),
    queryFn: async ({ signal }) => {
      const target: DashboardRoute = route;
      return (await callRoute(target, { query }, { signal })) as RouteOutput<R>;
    },
  });
}

/** A change through one route; the staff and blacklist queries are refreshed after it. */
export function useStaffMutation<R extends RouteContract>(route: R) {
  const queryClient = useQueryClient();
  return useMutation<RouteOutput<R>, Error, CallInput<R>>({
    mutationFn: (input) => callRoute(route, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: staffKeys.all });
      await queryClient.invalidateQueries({ queryKey: blacklistKeys.all });
    },
  });
}
