import { z } from 'zod';

export const roles = [
  'city_admin',
  'district_reviewer',
  'principal',
  'security_officer',
  'police',
  'parent',
  'maintainer',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/**
 * A signed-in user as authorisation sees them. Scope: a city administrator has the city; a
 * district reviewer a district; police a district or, with districtId null, the city; principal,
 * security officer and parent one kindergarten; a maintainer the kindergartens assigned.
 */
export const actorSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  districtId: z.uuid().nullable(),
  kindergartenId: z.uuid().nullable(),
  maintainedKindergartenIds: z.array(z.uuid()),
});
export type Actor = z.infer<typeof actorSchema>;
