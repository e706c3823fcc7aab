import { policeCaseRoutes, type PoliceCaseCreate } from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

const key = ['police-cases'] as const;

/** An officer's own cases, or the cases of a district reviewer's district. */
export function usePoliceCases() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => callRoute(policeCaseRoutes.list, {}, { signal }),
  });
}

function useCaseMutation<T>(run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const useRegisterCase = () =>
  useCaseMutation((body: PoliceCaseCreate) => callRoute(policeCaseRoutes.create, { body }));

export const useDecideArea = () =>
  useCaseMutation((input: { id: string; areaId: string; approve: boolean }) =>
    callRoute(policeCaseRoutes.decideArea, {
      params: { id: input.id, areaId: input.areaId },
      body: { approve: input.approve },
    }),
  );

export const useCloseCase = () =>
  useCaseMutation((id: string) => callRoute(policeCaseRoutes.close, { params: { id } }));
