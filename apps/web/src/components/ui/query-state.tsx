import type { ReactNode } from 'react';
import { isApiError } from '../../api/api-error.ts';
import { ErrorMessage } from './error-message.tsx';
import { Loading } from './loading.tsx';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { NotAllowed } from './not-allowed.tsx';

interface QueryStateProps<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}

/**
 * Loading, failure or the data, for one query. A 403 shows the not-allowed view; a 404 the
 * not-found view, which is also what the server answers for things outside the user's scope.
 */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (isApiError(query.error) && query.error.status === 403) return <NotAllowed />;
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  if (query.error !== null && query.error !== undefined)
    return <ErrorMessage error={query.error} />;
  return <Loading />;
}
