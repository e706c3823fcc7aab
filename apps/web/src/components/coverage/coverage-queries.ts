import { coverageRoutes as r } from '@gardenwatch/contracts';
import { useQuery } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

export const coverageKey = ['coverage'] as const;

export function useFloorPlan(floorId: string) {
  return useQuery({
    queryKey: [...coverageKey, 'plan', floorId],
    queryFn: ({ signal }) => callRoute(r.getPlan, { params: { floorId } }, { signal }),
  });
}

export function useFloorCoverage(floorId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...coverageKey, 'floor', floorId],
    queryFn: ({ signal }) => callRoute(r.floorCoverage, { params: { floorId } }, { signal }),
    enabled,
  });
}

export function useAdvice(floorId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...coverageKey, 'advice', floorId],
    queryFn: ({ signal }) =>
      callRoute(r.advice, { params: { floorId }, query: { count: 3 } }, { signal }),
    enabled,
  });
}

export function useKindergartenCompliance(id: string) {
  return useQuery({
    queryKey: [...coverageKey, 'compliance', 'kindergarten', id],
    queryFn: ({ signal }) => callRoute(r.kindergartenCompliance, { params: { id } }, { signal }),
  });
}

export function useDistrictCompliance(id: string) {
  return useQuery({
    queryKey: [...coverageKey, 'compliance', 'district', id],
    queryFn: ({ signal }) => callRoute(r.districtCompliance, { params: { id } }, { signal }),
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: [...coverageKey, 'programme', id],
    queryFn: ({ signal }) => callRoute(r.programme, { params: { id } }, { signal }),
  });
}

export function useProgress(districtId: string | null) {
  return useQuery({
    queryKey: [...coverageKey, 'progress', districtId ?? 'city'],
    queryFn: ({ signal }) =>
      districtId
        ? callRoute(r.districtProgress, { params: { id: districtId } }, { signal })
        : callRoute(r.cityProgress, {}, { signal }),
  });
}
