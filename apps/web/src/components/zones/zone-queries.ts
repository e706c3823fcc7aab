import { zoneRoutes, type CameraZone } from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

export function useZones(cameraId: string) {
  return useQuery({
    queryKey: ['zones', cameraId],
    queryFn: ({ signal }) => callRoute(zoneRoutes.get, { params: { id: cameraId } }, { signal }),
  });
}

export function useSaveZones(cameraId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (zones: CameraZone[]) =>
      callRoute(zoneRoutes.put, { params: { id: cameraId }, body: { zones } }),
    onSuccess: (data) => client.setQueryData(['zones', cameraId], data),
  });
}
