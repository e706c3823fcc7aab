import { authRoutes, type SessionInfo } from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error.ts';
import { callRoute } from '../api/call-route.ts';
import { setCsrfToken } from '../api/csrf-token.ts';
import { sessionKey } from '../api/query-client.ts';

async function fetchSession(signal: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = await callRoute(authRoutes.me, {}, { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user and the session's CSRF token; null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      callRoute(authRoutes.login, { body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const forget = () => {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(sessionKey, null);
  };
  return useMutation({
    mutationFn: () => callRoute(authRoutes.logout, {}),
    // Signed out locally even when the server could not be told; its session expires anyway.
    onSettled: forget,
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      callRoute(authRoutes.changePassword, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
