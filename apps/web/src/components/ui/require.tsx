import type { ReactNode } from 'react';
import { usePermissions } from '../../hooks/use-permissions.ts';
import { NotAllowed } from './not-allowed.tsx';

type Permission = 'readUsers' | 'readAudit';

/** A page only some roles may open; the others see the not-allowed view. */
export function Require({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = usePermissions();
  return allowed[permission] ? <>{children}</> : <NotAllowed />;
}
