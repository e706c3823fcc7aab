import {
  footageReleaseRoutes,
  footageRequestRoutes,
  type FootageDecision,
  type FootageRequestCreate,
} from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

const keys = {
  all: ['footage-requests'] as const,
  list: (view: string) => ['footage-requests', 'list', view] as const,
  one: (id: string) => ['footage-requests', 'one', id] as const,
  redaction: (id: string) => ['footage-requests', 'redaction', id] as const,
  release: (id: string) => ['footage-requests', 'release', id] as const,
};

export function useRequestList(view: 'mine' | 'queue', enabled = true) {
  return useQuery({
    queryKey: keys.list(view),
    queryFn: ({ signal }) => callRoute(footageRequestRoutes.list, { query: { view } }, { signal }),
    enabled,
  });
}

export function useRequestableAreas(enabled: boolean) {
  return useQuery({
    queryKey: ['footage-requests', 'areas'],
    queryFn: ({ signal }) => callRoute(footageRequestRoutes.areas, { query: {} }, { signal }),
    enabled,
  });
}

export function useFootageRequest(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => callRoute(footageRequestRoutes.get, { params: { id } }, { signal }),
  });
}

/** Polls while a job runs, so that progress moves on screen. */
export function useRedaction(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.redaction(id),
    queryFn: ({ signal }) =>
      callRoute(footageReleaseRoutes.redaction, { params: { id } }, { signal }),
    enabled,
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => i.status === 'detecting' || i.status === 'rendering')
        ? 1500
        : false,
  });
}

export function useRelease(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.release(id),
    queryFn: ({ signal }) =>
      callRoute(footageReleaseRoutes.release, { params: { id } }, { signal }),
    enabled,
    retry: false,
    refetchInterval: (query) =>
      query.state.data && !query.state.data.viewable && !query.state.data.revokedAt ? 2000 : false,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useApply() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: FootageRequestCreate) => callRoute(footageRequestRoutes.create, { body }),
    onSuccess: invalidate,
  });
}

export function useDecide(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: FootageDecision) =>
      callRoute(footageRequestRoutes.decide, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useStartRedaction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => callRoute(footageReleaseRoutes.startRedaction, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useSetUnmasked(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { itemId: string; trackIds: number[] }) =>
      callRoute(footageReleaseRoutes.setUnmasked, {
        params: { id, itemId: input.itemId },
        body: { trackIds: input.trackIds },
      }),
    onSuccess: invalidate,
  });
}

export function useRevoke(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => callRoute(footageReleaseRoutes.revoke, { params: { id } }),
    onSuccess: invalidate,
  });
}
