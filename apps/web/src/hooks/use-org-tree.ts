import { orgRoutes } from '@gardenwatch/contracts';
import { useQuery } from '@tanstack/react-query';
import { callRoute } from '../api/call-route.ts';

export const orgKeys = {
  all: ['org'] as const,
  tree: ['org', 'tree'] as const,
  kindergartenPage: (id: string) => ['org', 'kindergarten-page', id] as const,
  district: (id: string) => ['org', 'district', id] as const,
  kindergartens: (districtId: string) => ['org', 'kindergartens', districtId] as const,
};

/** The city → district → kindergarten tree the signed-in user may see. */
export function useOrgTree() {
  return useQuery({
    queryKey: orgKeys.tree,
    queryFn: ({ signal }) => callRoute(orgRoutes.tree, {}, { signal }),
  });
}
