import { analysisRoutes, healthRoutes } from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

const healthKeys = {
  kindergarten: (id: string) => ['health', 'kindergarten', id] as const,
  storage: (id: string) => ['health', 'storage', id] as const,
  workOrders: (status: string) => ['work-orders', status] as const,
  overdue: ['work-orders', 'overdue'] as const,
};

/** Refreshed every 5 s: a fault shows within seconds of the server noticing it. */
export function useKindergartenHealth(id: string) {
  return useQuery({
    queryKey: healthKeys.kindergarten(id),
    queryFn: ({ signal }) => callRoute(healthRoutes.kindergarten, { params: { id } }, { signal }),
    refetchInterval: 5_000,
  });
}

export function useStorage(id: string) {
  return useQuery({
    queryKey: healthKeys.storage(id),
    queryFn: ({ signal }) => callRoute(healthRoutes.storage, { params: { id } }, { signal }),
  });
}

export function useWorkOrders(status: 'open' | 'closed' | 'all', enabled: boolean) {
  return useQuery({
    queryKey: healthKeys.workOrders(status),
    queryFn: ({ signal }) => callRoute(healthRoutes.workOrders, { query: { status } }, { signal }),
    enabled,
  });
}

export function useOverdueWorkOrders(enabled: boolean) {
  return useQuery({
    queryKey: healthKeys.overdue,
    queryFn: ({ signal }) => callRoute(healthRoutes.overdue, {}, { signal }),
    enabled,
  });
}

export function useCloseWorkOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; note: string }) =>
      callRoute(healthRoutes.close, { params: { id: input.id }, body: { note: input.note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['work-orders'] }),
  });
}

/** The analysis of the cameras in sight: rates wanted and analysed, notes, shortfall. */
export function useAnalysisStatus() {
  return useQuery({
    queryKey: ['analysis', 'status'],
    queryFn: ({ signal }) => callRoute(analysisRoutes.status, {}, { signal }),
    refetchInterval: 10_000,
    retry: false,
  });
}
