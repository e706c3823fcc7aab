import { cameraRoutes, watchRoutes, type ExportCreate } from '@gardenwatch/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

export function useCameras(kindergartenId?: string) {
  return useQuery({
    queryKey: ['cameras', kindergartenId ?? 'all'],
    queryFn: ({ signal }) =>
      callRoute(cameraRoutes.list, { query: { kindergartenId } }, { signal }),
  });
}

export function useCamera(id: string) {
  return useQuery({
    queryKey: ['camera', id],
    queryFn: ({ signal }) => callRoute(cameraRoutes.get, { params: { id } }, { signal }),
  });
}

/** Recorded spans, gaps and holds; refreshed while the day is still being recorded. */
export function useTimeline(cameraId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['timeline', cameraId, from, to],
    queryFn: ({ signal }) =>
      callRoute(
        watchRoutes.timeline,
        { params: { id: cameraId }, query: { from, to } },
        { signal },
      ),
    refetchInterval: 30_000,
    retry: false,
  });
}

export function useCreateExport() {
  return useMutation({
    mutationFn: (body: ExportCreate) => callRoute(watchRoutes.createExport, { body }),
  });
}

/** Every camera of an area over one range, for playback in sync. */
export function useAreaTimeline(areaId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['area-timeline', areaId, from, to],
    queryFn: ({ signal }) =>
      callRoute(
        watchRoutes.areaTimeline,
        { params: { id: areaId }, query: { from, to } },
        { signal },
      ),
    refetchInterval: 30_000,
    retry: false,
  });
}
