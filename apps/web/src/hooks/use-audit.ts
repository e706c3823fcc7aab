import { auditRoutes, type RouteInput } from '@gardenwatch/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callRoute } from '../api/call-route.ts';

export type AuditQuery = NonNullable<RouteInput<typeof auditRoutes.list>['query']>;

/** One page of the audit log, newest first; `before` is the cursor of the page. */
export function useAuditPage(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => callRoute(auditRoutes.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}
