import type { ReactNode } from 'react';
import { isApiError } from '../../api/api-error.ts';
import { ErrorMessage } from './error-message.tsx';
import { Loading } from './loading.tsx';
import { NotAllowed } from './not-allowed.tsx';

interface QueryStateProps<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}

/** Loading, failure (a 403 shows the not-allowed view) or the data, for one query. */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (isApiError(query.error) && query.error.status === 403) return <NotAllowed />;
  if (query.error !== null && query.error !== undefined)
    return <ErrorMessage error={query.error} />;
  return <Loading />;
}
