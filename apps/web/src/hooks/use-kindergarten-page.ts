import { orgRoutes } from '@gardenwatch/contracts';
import { useQuery } from '@tanstack/react-query';
import { callRoute } from '../api/call-route.ts';
import { orgKeys } from './use-org-tree.ts';

/** A kindergarten with its district, buildings, floors and areas. */
export function useKindergartenPage(id: string) {
  return useQuery({
    queryKey: orgKeys.kindergartenPage(id),
    queryFn: ({ signal }) => callRoute(orgRoutes.kindergartenPage, { params: { id } }, { signal }),
  });
}
