import type { ReactNode } from 'react';
import { useActor } from '../../hooks/use-actor.ts';
import { NotAllowed } from '../ui/not-allowed.tsx';
import { staffPermissionsOf } from './staff-format.ts';

type StaffPermission = 'readStaff' | 'hiringCheck' | 'manageBlacklist' | 'readDashboards';

/** A staff page only some roles may open; the others see the not-allowed view. */
export function StaffGuard({ need, children }: { need: StaffPermission; children: ReactNode }) {
  const allowed = staffPermissionsOf(useActor());
  return allowed[need] ? <>{children}</> : <NotAllowed />;
}
