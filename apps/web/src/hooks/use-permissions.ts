import { can, type Actor } from '@gardenwatch/contracts';
import { useActor } from './use-actor.ts';

/**
 * What the console offers to the signed-in user, decided by the same `can` the server uses.
 * Hiding is a courtesy; the server refuses anyway.
 */
export function permissionsOf(actor: Actor) {
  const ownKindergartenUser = {
    kind: 'user',
    role: 'security_officer',
    districtId: actor.districtId,
    kindergartenId: actor.kindergartenId,
  } as const;
  return {
    readUsers: can(actor, 'user.read', ownKindergartenUser),
    readAudit: can(actor, 'audit.read', { kind: 'city' }),
    manageDistricts: can(actor, 'org.manage_districts', { kind: 'city' }),
    manageKindergartens: (districtId: string) =>
      can(actor, 'org.manage_kindergartens', { kind: 'district', districtId }),
    manageLayout: (districtId: string, kindergartenId: string) =>
      can(actor, 'org.manage_layout', { kind: 'kindergarten', districtId, kindergartenId }),
  };
}

export function usePermissions() {
  return permissionsOf(useActor());
}
