import { noticeRoutes } from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

const noticeKeys = { all: ['notices'] as const };

export function useNotices(enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.all,
    queryFn: ({ signal }) => callRoute(noticeRoutes.list, {}, { signal }),
    enabled,
  });
}

export function useAcknowledgeNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callRoute(noticeRoutes.acknowledge, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
