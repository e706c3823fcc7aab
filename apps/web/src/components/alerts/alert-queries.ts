import { alertRoutes, type AlertSeverity, type AlertState } from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

export const alertKeys = { all: ['alerts'] as const };

export interface AlertFilter {
  state?: AlertState | undefined;
  severity?: AlertSeverity | undefined;
}

export function useAlerts(filter: AlertFilter, enabled = true) {
  return useQuery({
    queryKey: [...alertKeys.all, 'list', filter],
    queryFn: ({ signal }) => callRoute(alertRoutes.list, { query: filter }, { signal }),
    enabled,
  });
}

export function useAlert(id: string) {
  return useQuery({
    queryKey: [...alertKeys.all, 'one', id],
    queryFn: ({ signal }) => callRoute(alertRoutes.get, { params: { id } }, { signal }),
  });
}

export function useRulePrecision(enabled: boolean) {
  return useQuery({
    queryKey: [...alertKeys.all, 'precision'],
    queryFn: ({ signal }) => callRoute(alertRoutes.precision, { query: {} }, { signal }),
    enabled,
  });
}

export type AlertAction = 'acknowledge' | 'resolve' | 'falseAlarm';

export function useAlertAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, note }: { action: AlertAction; note: string }) =>
      callRoute(alertRoutes[action], { params: { id }, body: { note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
