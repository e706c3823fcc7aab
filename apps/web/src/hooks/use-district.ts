import { orgRoutes } from '@gardenwatch/contracts';
import { useQuery } from '@tanstack/react-query';
import { callRoute } from '../api/call-route.ts';
import { orgKeys } from './use-org-tree.ts';

export function useDistrict(id: string) {
  return useQuery({
    queryKey: orgKeys.district(id),
    queryFn: ({ signal }) => callRoute(orgRoutes.districts.get, { params: { id } }, { signal }),
  });
}

/** The kindergartens of one district, with their addresses (the tree carries no address). */
export function useDistrictKindergartens(districtId: string) {
  return useQuery({
    queryKey: orgKeys.kindergartens(districtId),
    queryFn: ({ signal }) =>
      callRoute(orgRoutes.kindergartens.list, { query: { districtId } }, { signal }),
  });
}
