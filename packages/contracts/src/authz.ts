import type { AreaKind } from './org-kinds.ts';
import { neverFilmedKinds } from './org-kinds.ts';
import type { Actor, Role } from './roles.ts';

/** Everything a user may try to do. Each has one rule below; the table test covers them all. */
export const actions = [
  'org.read',
  'org.manage_districts',
  'org.manage_kindergartens',
  'org.manage_layout',
  'user.read',
  'user.manage',
  'audit.read',
  'camera.read',
  'camera.manage',
  'camera.setup_view',
  'video.live',
  'video.playback',
  'video.export',
  'health.read',
  'workorder.manage',
  'alert.read',
  'alert.acknowledge',
  'footage_request.create',
  'footage_request.review',
  'staff.read',
  'staff.manage',
  'hiring.check',
  'blacklist.manage',
  'notice.hiring_hit',
  'notice.screening_hit',
  'coverage.read',
  'coverage.manage',
  'coverage.configure',
  'report.read',
  'report.read_district',
  'programme.manage',
  'programme.sign_off',
  'gateway.manage',
  'footage_request.notice',
  'police_case.register',
  'police_case.approve',
] as const;
export type Action = (typeof actions)[number];

export type Resource =
  | { kind: 'city' }
  | { kind: 'district'; districtId: string }
  | { kind: 'kindergarten'; districtId: string; kindergartenId: string }
  | {
      kind: 'camera';
      districtId: string;
      kindergartenId: string;
      areaKind: AreaKind;
      isKey: boolean;
      /** A maintainer's work order on this camera is open. */
      openWorkOrder?: boolean;
      /** Footage of a non-key area that a reviewer approved for a police case. */
      approvedForPoliceCase?: boolean;
    }
  | { kind: 'user'; role: Role; districtId: string | null; kindergartenId: string | null };

type ScopedResource = Exclude<Resource, { kind: 'city' }>;

const districtOf = (r: Resource): string | null => (r.kind === 'city' ? null : r.districtId);
const kindergartenOf = (r: Resource): string | null =>
  r.kind === 'kindergarten' || r.kind === 'camera' || r.kind === 'user' ? r.kindergartenId : null;

/**
 * Is the resource inside the actor's scope? City administrators and city-wide police see the
 * city; reviewers and district police their district; maintainers the kindergartens assigned;
 * everyone else one kindergarten. District-level resources are in a kindergarten user's scope
 * when they are that kindergarten's district (the navigation tree needs them).
 */
export function inScope(actor: Actor, resource: Resource): boolean {
  if (actor.role === 'city_admin') return true;
  if (actor.role === 'district_reviewer' || actor.role === 'police') {
    if (actor.role === 'police' && actor.districtId === null) return true;
    return resource.kind !== 'city' && districtOf(resource) === actor.districtId;
  }
  const kg = kindergartenOf(resource);
  if (resource.kind === 'city') return false;
  if (kg === null) {
    return resource.kind === 'district' && resource.districtId === actor.districtId;
  }
  if (actor.role === 'maintainer') return actor.maintainedKindergartenIds.includes(kg);
  return kg === actor.kindergartenId;
}

type Rule = (actor: Actor, resource: Resource) => boolean;

const roleIn =
  (...allowed: Role[]): Rule =>
  (actor, resource) =>
    allowed.includes(actor.role) && inScope(actor, resource);

const isCamera = (r: Resource): r is Extract<Resource, { kind: 'camera' }> => r.kind === 'camera';

/** Video of never-filmed areas does not exist; a camera placed there is refused everywhere. */
const filmable = (r: Resource): boolean => !isCamera(r) || !neverFilmedKinds.has(r.areaKind);

/** Police see key areas, and other areas only under an approved case. */
const policeMaySee = (r: Resource): boolean =>
  isCamera(r) && (r.isKey || r.approvedForPoliceCase === true);

const video =
  (kgRoles: Role[], reviewer: boolean): Rule =>
  (actor, resource) => {
    if (!isCamera(resource) || !filmable(resource) || !inScope(actor, resource)) return false;
    if (actor.role === 'police') return policeMaySee(resource);
    if (actor.role === 'district_reviewer') return reviewer;
    return kgRoles.includes(actor.role);
  };

const kgRoles: Role[] = ['principal', 'security_officer'];

const rules: Record<Action, Rule> = {
  'org.read': (actor, resource) => inScope(actor, resource),
  'org.manage_districts': (actor) => actor.role === 'city_admin',
  'org.manage_kindergartens': (actor) => actor.role === 'city_admin',
  'org.manage_layout': roleIn('city_admin', 'principal'),
  'user.read': roleIn('city_admin', 'principal'),
  // A principal manages the accounts of their own kindergarten's security officers and parents.
  'user.manage': (actor, resource) => {
    if (actor.role === 'city_admin') return true;
    if (actor.role !== 'principal' || resource.kind !== 'user') return false;
    return ['security_officer', 'parent'].includes(resource.role) && inScope(actor, resource);
  },
  'audit.read': (actor) => actor.role === 'city_admin',
  'camera.read': (actor, resource) => {
    if (!inScope(actor, resource) || actor.role === 'parent') return false;
    return actor.role === 'police' ? policeMaySee(resource) || resource.kind !== 'camera' : true;
  },
  'camera.manage': roleIn('city_admin', 'principal'),
  'camera.setup_view': (actor, resource) =>
    actor.role === 'maintainer' &&
    isCamera(resource) &&
    filmable(resource) &&
    resource.openWorkOrder === true &&
    inScope(actor, resource),
  'video.live': video(kgRoles, false),
  'video.playback': video(kgRoles, true),
  'video.export': video(kgRoles, true),
  'health.read': roleIn(
    'city_admin',
    'district_reviewer',
    'principal',
    'security_officer',
    'maintainer',
  ),
  'workorder.manage': roleIn('city_admin', 'principal', 'maintainer'),
  'alert.read': roleIn(
    'city_admin',
    'district_reviewer',
    'principal',
    'security_officer',
    'police',
  ),
  'alert.acknowledge': roleIn('district_reviewer', 'principal', 'security_officer', 'police'),
  'footage_request.create': roleIn('parent', 'principal', 'police'),
  'footage_request.review': roleIn('district_reviewer', 'police'),
  'staff.read': roleIn('city_admin', 'district_reviewer', 'principal'),
  'staff.manage': roleIn('principal'),
  'hiring.check': roleIn('principal'),
  'blacklist.manage': (actor) => actor.role === 'city_admin',
  // Reading and acknowledging a notice of a blacklist hit. A principal learns of a hiring hit
  // only through the check's "not eligible" answer, never through a notice.
  'notice.hiring_hit': roleIn('city_admin', 'district_reviewer'),
  'notice.screening_hit': roleIn('city_admin', 'district_reviewer', 'principal'),
  'coverage.read': roleIn('city_admin', 'district_reviewer', 'principal', 'maintainer'),
  'coverage.manage': roleIn('city_admin', 'principal'),
  'coverage.configure': (actor) => actor.role === 'city_admin',
  'report.read': roleIn('city_admin', 'district_reviewer', 'principal'),
  // District and city reports compare kindergartens; a principal sees only their own.
  'report.read_district': roleIn('city_admin', 'district_reviewer'),
  'programme.manage': roleIn('city_admin', 'district_reviewer'),
  // The district reviewer inspects the installation and signs the acceptance.
  'programme.sign_off': roleIn('district_reviewer'),
  'gateway.manage': (actor) => actor.role === 'city_admin',
  // The kindergarten learns that a request about it was filed and decided; reviewers of deadlines.
  'footage_request.notice': roleIn('city_admin', 'district_reviewer', 'principal'),
  'police_case.register': roleIn('police'),
  // Footage of non-key areas under a case opens only with a district reviewer's approval.
  'police_case.approve': roleIn('district_reviewer'),
};

/** The one authorisation decision of the system. Pure: same input, same answer. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return rules[action](actor, resource);
}

export type { ScopedResource };
