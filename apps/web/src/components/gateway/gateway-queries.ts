import { gatewayRoutes, type GatewaySettingsUpdate } from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

const gatewayKey = ['gateway'] as const;

export function useGatewaySettings() {
  return useQuery({
    queryKey: [...gatewayKey, 'settings'],
    queryFn: ({ signal }) => callRoute(gatewayRoutes.getSettings, {}, { signal }),
  });
}

/** Registration and sessions change on their own; the page polls them. */
export function useGatewayState() {
  return useQuery({
    queryKey: [...gatewayKey, 'state'],
    queryFn: ({ signal }) => callRoute(gatewayRoutes.state, {}, { signal }),
    refetchInterval: 5000,
  });
}

export function useSaveGatewaySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GatewaySettingsUpdate) => callRoute(gatewayRoutes.updateSettings, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gatewayKey }),
  });
}
